package org.topupkiosk.device.gpio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The GPIO thread for tests: tasks run only inside {@link #advance}, in due order, on the test's thread, and time moves
 * only there, so debounce and pulse lengths are tested exactly and without sleeping.
 */
public final class ManualGpioScheduler implements GpioScheduler {

    private final List<Entry> entries = new ArrayList<>();
    private long nowMs;
    private long seq;

    private final class Entry implements Task {
        final long dueMs;
        final long order = seq++;
        final Runnable task;
        boolean cancelled;

        Entry(long dueMs, Runnable task) {
            this.dueMs = dueMs;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (ManualGpioScheduler.this) {
                cancelled = true;
            }
        }
    }

    @Override
    public synchronized Task schedule(Runnable task, long delayMs) {
        Entry e = new Entry(nowMs + delayMs, task);
        entries.add(e);
        return e;
    }

    /** Moves time forward by {@code ms}, running every task that falls due (including ones they schedule). */
    public void advance(long ms) {
        long until;
        synchronized (this) {
            until = nowMs + ms;
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = entries.stream().filter(e -> !e.cancelled && e.dueMs <= until)
                        .min(Comparator.<Entry>comparingLong(e -> e.dueMs).thenComparingLong(e -> e.order))
                        .orElse(null);
                if (next == null) {
                    entries.removeIf(e -> e.cancelled);
                    nowMs = until;
                    return;
                }
                entries.remove(next);
                nowMs = Math.max(nowMs, next.dueMs);
            }
            next.task.run();
        }
    }

    /** Runs what is due now without moving time. */
    public void runPending() {
        advance(0);
    }

    public synchronized long nowMs() {
        return nowMs;
    }

    @Override
    public void close() {
    }
}
