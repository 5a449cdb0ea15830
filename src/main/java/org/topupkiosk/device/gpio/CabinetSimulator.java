package org.topupkiosk.device.gpio;


/**
 * Moves a simulated cabinet's switches: puts on the pin the level a real switch would, so the whole GPIO path (edge,
 * debounce, event) runs as on the Pi. For the device panel ({@link MemoryPins}) and tests (Pi4J's mock inputs).
 */
public final class CabinetSimulator {

    /** Puts an electrical level on an input pin. */
    @FunctionalInterface
    public interface Driver {
        void drive(int bcm, boolean high);
    }

    private final Driver driver;
    private final GpioSettings cfg;

    public CabinetSimulator(Driver driver, GpioSettings cfg) {
        this.driver = driver;
        this.cfg = cfg;
    }

    /** A closed door and a cash box in place: how a kiosk stands when nobody is at it. */
    public void normal() {
        door(false);
        cashBox(true);
    }

    public void door(boolean open) {
        driver.drive(cfg.door().bcm(), open == (cfg.door().activeLevel() == GpioSettings.Level.HIGH));
    }

    public void cashBox(boolean present) {
        driver.drive(cfg.cashBox().bcm(), present == (cfg.cashBox().activeLevel() == GpioSettings.Level.HIGH));
    }
}
