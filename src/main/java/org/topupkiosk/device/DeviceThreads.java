package org.topupkiosk.device;

/**
 * The thread chores every driver and emulator does the same way: a named daemon thread of its own (a device thread
 * must never keep the kiosk's JVM alive), stopping it with a bounded wait, and a pause that keeps the caller's
 * interrupt.
 */
public final class DeviceThreads {

    private DeviceThreads() {}

    /** Starts {@code body} on a new daemon thread named {@code name}. */
    public static Thread startDaemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Interrupts {@code t} and waits at most {@code waitMs} for it to end; a null thread or the calling thread itself
     * is left alone. An interrupt of the caller while it waits is kept for the caller.
     */
    public static void stop(Thread t, long waitMs) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        t.interrupt();
        join(t, waitMs);
    }

    /** Waits at most {@code waitMs} for {@code t} to end, without interrupting it. */
    public static void join(Thread t, long waitMs) {
        try {
            t.join(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sleeps {@code ms} (nothing for zero or less).
     *
     * @return false when interrupted; the interrupt flag is set again
     */
    public static boolean pause(long ms) {
        if (ms <= 0) {
            return true;
        }
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
