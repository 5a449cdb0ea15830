package org.topupkiosk.device;

import java.util.Locale;

/**
 * The UnifiedPOS life of a device, shared by every driver: open, claim, enable; disable, release, close. A driver
 * asks {@link #require(Step)} before touching the hardware, so a call out of order fails with the code that says
 * what is missing ({@code CLOSED}, {@code NOT_CLAIMED}, {@code DISABLED}) instead of doing something half-way.
 * Thread-safe: the application thread moves the life on, the driver's poller thread reads it.
 */
public final class DeviceLifecycle {

    /** How far the application has taken the device. Each step includes the ones before it. */
    public enum Step { CLOSED, OPEN, CLAIMED, ENABLED }

    /** What we know about the device's power, from the last exchange on the line (UnifiedPOS power state). */
    public enum Power { UNKNOWN, ONLINE, OFFLINE }

    private final String device;
    private Step step = Step.CLOSED;
    private Power power = Power.UNKNOWN;

    public DeviceLifecycle(String device) {
        this.device = device;
    }

    public synchronized void open() {
        if (step == Step.CLOSED) {
            step = Step.OPEN;
        }
    }

    public synchronized void claim() throws DeviceException {
        require(Step.OPEN);
        if (step == Step.OPEN) {
            step = Step.CLAIMED;
        }
    }

    /** {@link #open()} then {@link #claim()}, as a driver's start does; it cannot fail, the device is open by then. */
    public synchronized void openAndClaim() {
        open();
        if (step == Step.OPEN) {
            step = Step.CLAIMED;
        }
    }

    public synchronized void enable() throws DeviceException {
        require(Step.CLAIMED);
        step = Step.ENABLED;
    }

    public synchronized void disable() throws DeviceException {
        require(Step.CLAIMED);
        step = Step.CLAIMED;
    }

    public synchronized void release() {
        if (step.compareTo(Step.CLAIMED) >= 0) {
            step = Step.OPEN;
        }
    }

    public synchronized void close() {
        step = Step.CLOSED;
        power = Power.UNKNOWN;
    }

    /** Throws unless the device has come at least as far as {@code needed}. */
    public synchronized void require(Step needed) throws DeviceException {
        if (step.compareTo(needed) >= 0) {
            return;
        }
        DeviceException.Code code = switch (step) {
            case CLOSED -> DeviceException.Code.CLOSED;
            case OPEN -> DeviceException.Code.NOT_CLAIMED;
            default -> DeviceException.Code.DISABLED;
        };
        throw new DeviceException(code, device + " is " + step.name().toLowerCase(Locale.ROOT)
                + " (needs " + needed.name().toLowerCase(Locale.ROOT) + ")");
    }

    public synchronized Step step() {
        return step;
    }

    public synchronized boolean isEnabled() {
        return step == Step.ENABLED;
    }

    public synchronized void power(Power now) {
        power = now;
    }

    public synchronized Power power() {
        return power;
    }

    public String device() {
        return device;
    }
}
