package org.topupkiosk.config;

import java.util.HashMap;
import java.util.Map;
import org.topupkiosk.device.gpio.GpioSettings;
import org.topupkiosk.device.gpio.GpioSettings.Enabled;
import org.topupkiosk.device.gpio.GpioSettings.Level;
import org.topupkiosk.device.gpio.GpioSettings.Pull;

/** Reads the {@code gpio} section into a {@link GpioSettings}; every problem names its key. */
final class GpioConfigParser {

    /** BCM numbers of the user GPIOs on the 40-pin header (0 and 1 are the HAT EEPROM bus, allowed but unusual). */
    static final int MAX_BCM = 27;

    private GpioConfigParser() {}

    static GpioSettings parse(Section s) {
        GpioSettings d = GpioSettings.DEFAULTS;
        Enabled enabled = yamlOnOff(s, "enabled", Enabled.ON, Enabled.OFF);
        if (enabled == null) {
            enabled = s.choice("enabled", d.enabled(), Enabled.class);
        }
        Map<Integer, String> used = new HashMap<>();
        GpioSettings.Input door = input(s.section("door"), d.door(), used, "door open");
        GpioSettings.Input cashBox = input(s.section("cashBox"), d.cashBox(), used, "cash box present");
        GpioSettings.Output light = output(s.section("light"), d.light(), used, "light lit");
        GpioSettings.Output relay = output(s.section("relay"), d.relay(), used, "relay energised");
        long debounce = s.integer("debounceMs", d.debounceMs(), 0, 5_000, "milliseconds");
        long blink = s.integer("blinkMs", d.blinkMs(), 50, 10_000, "milliseconds");
        long pulse = s.integer("relayPulseMs", d.relayPulseMs(), 50, 60_000, "milliseconds");
        s.finish();
        return new GpioSettings(enabled, door, cashBox, light, relay, debounce, blink, pulse);
    }

    private static GpioSettings.Input input(Section s, GpioSettings.Input def, Map<Integer, String> used, String active) {
        int bcm = pin(s, def.bcm(), used);
        Level level = level(s, def.activeLevel(), active);
        Pull pull = yamlOnOff(s, "pull", null, Pull.OFF);
        if (pull == null) {
            pull = s.choice("pull", def.pull(), Pull.class);
        }
        s.finish();
        return new GpioSettings.Input(bcm, level, pull);
    }

    private static GpioSettings.Output output(Section s, GpioSettings.Output def, Map<Integer, String> used, String active) {
        int bcm = pin(s, def.bcm(), used);
        Level level = level(s, def.activeLevel(), active);
        s.finish();
        return new GpioSettings.Output(bcm, level);
    }

    private static Level level(Section s, Level def, String active) {
        if (s.has("activeLevel") && !s.raw("activeLevel").isTextual()) {
            s.problem("activeLevel", Section.describe(s.raw("activeLevel")) + " is not high or low (the level that means "
                    + active + ")");
            return def;
        }
        return s.choice("activeLevel", def, Level.class);
    }

    /**
     * YAML 1.1 reads a bare {@code on} or {@code off} as a boolean, so {@code enabled: off} arrives as false: take it as
     * the word that was written. Null when the value is not a boolean (or a boolean with no meaning here).
     */
    private static <E extends Enum<E>> E yamlOnOff(Section s, String key, E whenTrue, E whenFalse) {
        var v = s.raw(key);
        if (v == null || !v.isBoolean()) {
            return null;
        }
        return v.booleanValue() ? whenTrue : whenFalse;
    }

    private static int pin(Section s, int def, Map<Integer, String> used) {
        int bcm = (int) s.integer("pin", def, 0, MAX_BCM, "BCM GPIO");
        String other = used.putIfAbsent(bcm, s.key("pin"));
        if (other != null) {
            s.problem("pin", bcm + " is already used by " + other + " (expected a different BCM GPIO number)");
        }
        return bcm;
    }
}
