package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.gpio.GpioSettings;
import org.topupkiosk.testing.Property;

/** The {@code gpio} section: defaults for old files, every key validated with its name, YAML's on/off quirk. */
class GpioConfigTest extends YamlSnippetTest {

    @Test
    void aFileWithoutAGpioSectionGetsTheDefaultWiring() throws Exception {
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL)).gpio()).isEqualTo(GpioSettings.DEFAULTS);
        assertThat(ConfigLoader.loadKioskConfig(Path.of("kiosk-config/kiosk.yaml")).gpio().enabled())
                .isEqualTo(GpioSettings.Enabled.AUTO);
        assertThat(ConfigLoader.loadKioskConfig(Path.of("kiosk-config/production.example.yaml")).gpio().door().bcm())
                .isEqualTo(17);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        GpioSettings g = ConfigLoader.loadKioskConfig(write(MINIMAL + """
                gpio:
                  enabled: on
                  debounceMs: 80
                  blinkMs: 250
                  relayPulseMs: 5000
                  door: {pin: 5, activeLevel: low, pull: down}
                  cashBox: {pin: 6, activeLevel: high, pull: off}
                  light: {pin: 13, activeLevel: low}
                  relay: {pin: 19, activeLevel: high}
                """)).gpio();
        assertThat(g).isEqualTo(new GpioSettings(GpioSettings.Enabled.ON,
                new GpioSettings.Input(5, GpioSettings.Level.LOW, GpioSettings.Pull.DOWN),
                new GpioSettings.Input(6, GpioSettings.Level.HIGH, GpioSettings.Pull.OFF),
                new GpioSettings.Output(13, GpioSettings.Level.LOW), new GpioSettings.Output(19, GpioSettings.Level.HIGH),
                80, 250, 5000));
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "gpio:\n  enabled: off\n")).gpio().enabled())
                .isEqualTo(GpioSettings.Enabled.OFF);
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "gpio:\n  enabled: \"auto\"\n")).gpio().enabled())
                .isEqualTo(GpioSettings.Enabled.AUTO);
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        assertThat(errorOf(MINIMAL + "gpio:\n  enabled: sometimes\n"))
                .contains("gpio.enabled: \"sometimes\" is not one of auto, on, off");
        assertThat(errorOf(MINIMAL + "gpio:\n  door:\n    pin: 40\n"))
                .contains("gpio.door.pin: 40 is out of range (expected 0..27 BCM GPIO)");
        assertThat(errorOf(MINIMAL + "gpio:\n  relay:\n    pin: 17\n"))
                .contains("gpio.relay.pin: 17 is already used by gpio.door.pin");
        assertThat(errorOf(MINIMAL + "gpio:\n  light:\n    activeLevel: 1\n"))
                .contains("gpio.light.activeLevel: 1 is not high or low (the level that means light lit)");
        assertThat(errorOf(MINIMAL + "gpio:\n  cashBox:\n    pull: sideways\n"))
                .contains("gpio.cashBox.pull: \"sideways\" is not one of up, down, off");
        assertThat(errorOf(MINIMAL + "gpio:\n  debounceMs: -1\n"))
                .contains("gpio.debounceMs: -1 is out of range (expected 0..5000 milliseconds)");
        assertThat(errorOf(MINIMAL + "gpio:\n  light:\n    pull: up\n"))
                .contains("gpio.light.pull: unknown key");
        assertThat(errorOf(MINIMAL + "gpio:\n  door: 17\n")).contains("gpio.door");
    }

    @Test
    void junkInTheGpioSectionIsAConfigErrorNeverAnotherException() throws Exception {
        String[] values = {"on", "off", "yes", "-3", "17", "99", "1.5", "\"\"", "[1, 2]", "{a: 1}", "high", "low",
                "~", "up", "\"0x11\"", "true"};
        String[] keys = {"enabled", "debounceMs", "blinkMs", "relayPulseMs", "door", "door.pin", "door.activeLevel",
                "door.pull", "cashBox.pin", "light.activeLevel", "relay.pin", "relay.pull", "colour"};
        Property.forAll(300, r -> {
            Map<String, String> top = new LinkedHashMap<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String key = keys[r.nextInt(keys.length)];
                String value = values[r.nextInt(values.length)];
                if (key.contains(".")) {
                    String[] kv = key.split("\\.");
                    top.put(kv[0], "{" + kv[1] + ": " + value + "}");
                } else {
                    top.put(key, value);
                }
            }
            StringBuilder yaml = new StringBuilder(MINIMAL).append("gpio:\n");
            top.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(v).append("\n"));
            try {
                ConfigLoader.loadKioskConfig(write(yaml.toString()));
            } catch (ConfigException e) {
                assertThat(e.problems()).as(yaml.toString()).isNotEmpty();
            } catch (Exception e) {
                throw new AssertionError("not a config error for:\n" + yaml, e);
            }
        });
    }
}
