package org.topupkiosk.device.gpio;

import java.util.function.Consumer;

/**
 * What the status light shows, from two sources: the acceptor (taking notes, or out of service) and the kiosk (serving
 * customers, or locked / out of service). Blinks while notes are taken, dark while out of service, steady otherwise.
 * The decision is the pure {@link #mode}; the instance remembers the last inputs and pushes changes to the light.
 */
public final class StatusLightPolicy {

    private final Consumer<StatusLight.Mode> light;
    private boolean accepting;
    private boolean acceptorOut;
    private boolean kioskOut;
    private StatusLight.Mode shown;

    public StatusLightPolicy(Consumer<StatusLight.Mode> light) {
        this.light = light;
        push();
    }

    /** The light's mode for these facts. */
    public static StatusLight.Mode mode(boolean accepting, boolean acceptorOutOfService, boolean kioskOutOfService) {
        if (kioskOutOfService || acceptorOutOfService) {
            return StatusLight.Mode.OFF;
        }
        return accepting ? StatusLight.Mode.BLINK : StatusLight.Mode.STEADY;
    }

    public synchronized void acceptor(boolean accepting, boolean outOfService) {
        this.accepting = accepting;
        this.acceptorOut = outOfService;
        push();
    }

    /** The kiosk screen is locked for service or out of service (true), or serving customers (false). */
    public synchronized void kiosk(boolean outOfService) {
        this.kioskOut = outOfService;
        push();
    }

    private void push() {
        StatusLight.Mode next = mode(accepting, acceptorOut, kioskOut);
        if (next != shown) {
            shown = next;
            light.accept(next);
        }
    }
}
