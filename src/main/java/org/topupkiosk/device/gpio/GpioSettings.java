package org.topupkiosk.device.gpio;

import java.util.Locale;

/**
 * The cabinet's GPIO wiring (section {@code gpio}): which BCM pin carries which signal and what level means "active".
 * Active means: door open, cash box present, light lit, relay energised. Every key has a default, so a config file
 * written before GPIO existed still loads.
 *
 * @param debounceMs  a door or cash-box input must hold a new level this long before it counts (contact bounce)
 * @param blinkMs     half-period of the status light's blink while the acceptor takes notes
 * @param relayPulseMs how long the relay cuts a hung device's power by default
 */
public record GpioSettings(Enabled enabled, Input door, Input cashBox, Output light, Output relay, long debounceMs,
                         long blinkMs, long relayPulseMs) {

    /** {@code auto}: on a Raspberry Pi only (simulated in simulation mode); {@code on}: always; {@code off}: never. */
    public enum Enabled { AUTO, ON, OFF }

    public enum Level { HIGH, LOW;
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Internal bias resistor of an input pin. */
    public enum Pull { UP, DOWN, OFF }

    /** @param bcm Broadcom GPIO number (not the header pin number), 0..27 on a 40-pin header */
    public record Input(int bcm, Level activeLevel, Pull pull) {}

    public record Output(int bcm, Level activeLevel) {}

    /**
     * Door switch on GPIO17 pulled up, shorted to ground while the door is closed (a normally-closed contact reads high
     * when opened or when its wire is cut, so a cut wire counts as an open door). Cash box microswitch on GPIO27 pulled
     * up and closed to ground while the box is in. Light on GPIO22, relay on GPIO23 through an active-low relay board
     * (the common opto-isolated boards switch on a low input).
     */
    public static final GpioSettings DEFAULTS = new GpioSettings(Enabled.AUTO,
            new Input(17, Level.HIGH, Pull.UP), new Input(27, Level.LOW, Pull.UP),
            new Output(22, Level.HIGH), new Output(23, Level.LOW), 50, 500, 3000);
}
