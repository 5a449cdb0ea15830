package org.topupkiosk.device.gpio;

import java.util.function.Consumer;

/**
 * A switch input that reports a new state only after the pin has been quiet for the debounce time and then reads
 * differently from the last reported state. A bounce (open, closed again within the debounce time) therefore reports
 * nothing. Every edge re-reads the pin rather than trusting the event's level, since edges can be lost while the
 * contact chatters. Runs on the {@link GpioScheduler}'s thread.
 */
final class DebouncedInput {

    private final GpioPins.Input pin;
    private final GpioSettings.Level activeLevel;
    private final long debounceMs;
    private final GpioScheduler scheduler;
    private final Consumer<Boolean> onChange;
    private volatile boolean active;
    private GpioScheduler.Task pending;

    DebouncedInput(GpioPins.Input pin, GpioSettings.Level activeLevel, long debounceMs, GpioScheduler scheduler,
                   Consumer<Boolean> onChange) {
        this.pin = pin;
        this.activeLevel = activeLevel;
        this.debounceMs = debounceMs;
        this.scheduler = scheduler;
        this.onChange = onChange;
    }

    /** Takes the current level as the starting state and starts listening. */
    void start() {
        active = rawActive();
        pin.onEdge(() -> scheduler.execute(this::edge));
    }

    private void edge() {
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(this::settle, debounceMs);
    }

    private void settle() {
        pending = null;
        boolean now = rawActive();
        if (now != active) {
            active = now;
            onChange.accept(now);
        }
    }

    /** The debounced state: door open, cash box present. */
    boolean active() {
        return active;
    }

    /** The pin's level now, without debouncing. */
    boolean rawActive() {
        return (level() == GpioSettings.Level.HIGH) == (activeLevel == GpioSettings.Level.HIGH);
    }

    GpioSettings.Level level() {
        return pin.high() ? GpioSettings.Level.HIGH : GpioSettings.Level.LOW;
    }
}
