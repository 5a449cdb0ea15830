package org.topupkiosk.device.gpio;

/**
 * The one thread that owns the GPIO state: pin edges are posted here, debounce and blink timers run here. Production
 * uses {@link ThreadGpioScheduler}; tests use a manual one with virtual time, so debounce and pulses are tested
 * without sleeping.
 */
public interface GpioScheduler extends AutoCloseable {

    /** Runs {@code task} on the GPIO thread after {@code delayMs} (0: as soon as possible). */
    Task schedule(Runnable task, long delayMs);

    default void execute(Runnable task) {
        schedule(task, 0);
    }

    @Override
    void close();

    interface Task {
        void cancel();
    }
}
