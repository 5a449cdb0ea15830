package org.topupkiosk.device.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.topupkiosk.config.GpioConfig;

/**
 * Moves the simulated cabinet's switches: sets the level a real switch would put on the pin, through Pi4J's mock
 * input, so the whole GPIO path (edge, debounce, event) runs as on the Pi. For the device panel and tests.
 */
public final class CabinetSimulator {

    private final MockDigitalInput door;
    private final MockDigitalInput cashBox;
    private final GpioConfig cfg;

    /** Throws when {@code gpio} does not run on Pi4J's mock provider. */
    public CabinetSimulator(KioskGpio gpio, GpioConfig cfg) {
        this.door = mock(gpio.doorPin());
        this.cashBox = mock(gpio.cashBoxPin());
        this.cfg = cfg;
    }

    private static MockDigitalInput mock(DigitalInput pin) {
        if (pin instanceof MockDigitalInput m) {
            return m;
        }
        throw new IllegalStateException("gpio is not simulated (pin " + (pin == null ? "not open" : pin.id()) + ")");
    }

    /** A closed door and a cash box in place: how a kiosk stands when nobody is at it. */
    public void normal() {
        door(false);
        cashBox(true);
    }

    public void door(boolean open) {
        door.mockState(level(open, cfg.door().activeLevel()));
    }

    public void cashBox(boolean present) {
        cashBox.mockState(level(present, cfg.cashBox().activeLevel()));
    }

    private static DigitalState level(boolean active, GpioConfig.Level activeLevel) {
        return active == (activeLevel == GpioConfig.Level.HIGH) ? DigitalState.HIGH : DigitalState.LOW;
    }
}
