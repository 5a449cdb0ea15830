package org.topupkiosk.device.gpio;


/**
 * The cabinet's status light: blinking while the acceptor takes notes, steady while the kiosk serves, dark when it is
 * out of service. Blinking is a timer on the GPIO thread that flips the pin every half-period.
 */
public final class StatusLight {

    public enum Mode { OFF, STEADY, BLINK }

    private final Pin out;
    private final long halfPeriodMs;
    private final GpioScheduler scheduler;
    private Mode mode = Mode.OFF;
    private boolean lit;
    private GpioScheduler.Task blink;

    StatusLight(Pin out, long halfPeriodMs, GpioScheduler scheduler) {
        this.out = out;
        this.halfPeriodMs = halfPeriodMs;
        this.scheduler = scheduler;
        out.set(false);
    }

    public synchronized void set(Mode next) {
        if (next == mode) {
            return;
        }
        mode = next;
        if (blink != null) {
            blink.cancel();
            blink = null;
        }
        write(next != Mode.OFF);
        if (next == Mode.BLINK) {
            blink = scheduler.schedule(this::flip, halfPeriodMs);
        }
    }

    private synchronized void flip() {
        if (mode != Mode.BLINK) {
            return;
        }
        write(!lit);
        blink = scheduler.schedule(this::flip, halfPeriodMs);
    }

    private void write(boolean on) {
        lit = on;
        out.set(on);
    }

    public synchronized Mode mode() {
        return mode;
    }

    public synchronized boolean lit() {
        return lit;
    }

    /** An output pin with its active level applied: {@code set(true)} lights the lamp or energises the relay. */
    static final class Pin {
        private final GpioPins.Output output;
        private final GpioSettings.Level activeLevel;

        Pin(GpioPins.Output output, GpioSettings.Level activeLevel) {
            this.output = output;
            this.activeLevel = activeLevel;
        }

        void set(boolean active) {
            output.set(active == (activeLevel == GpioSettings.Level.HIGH));
        }

        boolean active() {
            return output.high() == (activeLevel == GpioSettings.Level.HIGH);
        }

        GpioSettings.Level level() {
            return output.high() ? GpioSettings.Level.HIGH : GpioSettings.Level.LOW;
        }
    }
}
