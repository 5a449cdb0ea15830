package org.topupkiosk.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether this machine gets real GPIO, simulated GPIO or none, and builds the Pi4J context for it. On the Pi
 * the gpiod provider drives the kernel's GPIO character device (/dev/gpiochip*): it needs no root and works on the
 * Pi 5's RP1, where pigpio does not. Platform auto-detection is off: only the providers named here are used (the
 * tests' mock plugin must never be picked by accident). Simulation uses {@link MemoryPins}.
 */
public final class GpioStartup {

    private static final Logger log = LoggerFactory.getLogger(GpioStartup.class);

    /** Where the kernel names the board; "Raspberry Pi 4 Model B Rev 1.5\0" on a Pi. */
    public static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");

    public enum Kind { HARDWARE, SIMULATED, OFF }

    /** @param reason why, for the one log line and for {@code kioskctl gpio status} */
    public record Decision(Kind kind, String reason) {}

    private GpioStartup() {}

    /** The board's model when it is a Raspberry Pi, read from the device tree; empty elsewhere. */
    public static Optional<String> raspberryPiModel(Path deviceTreeModel) {
        try {
            String model = new String(Files.readAllBytes(deviceTreeModel), StandardCharsets.US_ASCII)
                    .replace("\0", "").strip();
            return model.startsWith("Raspberry Pi") ? Optional.of(model) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * @param simulation the kiosk runs its emulated devices (device panel): GPIO is then simulated off a Pi
     * @param piModel    the board model from {@link #raspberryPiModel(Path)}
     */
    public static Decision decide(GpioSettings.Enabled enabled, boolean simulation, Optional<String> piModel) {
        if (enabled == GpioSettings.Enabled.OFF) {
            return new Decision(Kind.OFF, "disabled in config (gpio.enabled: off)");
        }
        if (enabled == GpioSettings.Enabled.ON) {
            return new Decision(Kind.HARDWARE, "gpio.enabled: on" + piModel.map(m -> " (" + m + ")").orElse(""));
        }
        if (piModel.isPresent()) {
            return new Decision(Kind.HARDWARE, piModel.get());
        }
        if (simulation) {
            return new Decision(Kind.SIMULATED, "simulation mode: pins in memory, driven by the device panel");
        }
        return new Decision(Kind.OFF, "not a Raspberry Pi (no \"Raspberry Pi\" in " + DEVICE_TREE_MODEL + ")");
    }

    /**
     * Builds the GPIO the decision asks for, or null when it is off; logs exactly one line saying which and why. The
     * result is open but not enabled: wire the listeners first, then {@link KioskGpio#claim()} and
     * {@link KioskGpio#enable()}.
     */
    public static KioskGpio create(Decision decision, GpioSettings cfg, GpioScheduler scheduler, KioskGpio.Audit audit) {
        if (decision.kind() == Kind.OFF) {
            log.info("GPIO off: {}", decision.reason());
            return null;
        }
        GpioPins pins = decision.kind() == Kind.HARDWARE ? new Pi4jPins(hardwareContext(),
                GpioDDigitalInputProvider.ID, GpioDDigitalOutputProvider.ID) : new MemoryPins();
        return open(pins, decision, cfg, scheduler, audit);
    }

    /** A {@link KioskGpio} on these pins, opened; logs the one line saying it is on and why. */
    public static KioskGpio open(GpioPins pins, Decision decision, GpioSettings cfg, GpioScheduler scheduler,
                                 KioskGpio.Audit audit) {
        KioskGpio gpio = new KioskGpio(pins, cfg, scheduler, audit);
        try {
            gpio.open();
        } catch (RuntimeException e) {
            pins.close();   // a line that could not be had (busy, no permission) must not keep the others
            throw e;
        }
        log.info("GPIO {}: {}", decision.kind() == Kind.HARDWARE ? "on" : "simulated", decision.reason());
        return gpio;
    }

    static Context hardwareContext() {
        return Pi4J.newContextBuilder().noAutoDetect()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance()).build();
    }
}
