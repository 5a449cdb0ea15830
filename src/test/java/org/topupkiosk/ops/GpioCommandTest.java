package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.gpio.GpioHarness;
import org.topupkiosk.testing.Kioskctl;

/** {@code kioskctl gpio status}: off where there is no Pi, and what each pin says where there is one. */
class GpioCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Kioskctl.run(out, err, args);
    }

    @Test
    void offAMachineThatIsNotAPiItSaysSoAndExitsZero() throws Exception {
        Path model = dir.resolve("model");
        Files.writeString(model, "Generic x86 PC\0");
        assertThat(run("gpio", "status", "--board-model-file", model.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo("GPIO off: not a Raspberry Pi (no \"Raspberry Pi\" in "
                + "/proc/device-tree/model)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void disabledInTheConfig() throws Exception {
        Path cfg = dir.resolve("kiosk.yaml");
        Files.writeString(cfg, "kiosk:\n  id: \"0042\"\n  address: x\ngpio:\n  enabled: off\n");
        assertThat(run("gpio", "status", "--config", cfg.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo("GPIO off: disabled in config (gpio.enabled: off)");
    }

    @Test
    void aBadConfigExitsTwoNamingTheKey() throws Exception {
        Path cfg = dir.resolve("kiosk.yaml");
        Files.writeString(cfg, "kiosk:\n  id: \"0042\"\n  address: x\ngpio:\n  door:\n    pin: 99\n");
        assertThat(run("gpio", "status", "--config", cfg.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("gpio.door.pin: 99 is out of range");
    }

    @Test
    void eachPinWithRoleNumberLevelAndMeaning() throws Exception {
        try (GpioHarness h = new GpioHarness().started()) {
            h.cabinet.door(true);
            h.clock.advance(h.cfg.debounceMs());
            StringWriter s = new StringWriter();
            GpioCommand.print(h.gpio, new PrintWriter(s));
            assertThat(s.toString().lines()).containsExactly(
                    "door     pin=17 level=high open",
                    "cash-box pin=27 level=low  present",
                    "light    pin=22 level=low  off",
                    "relay    pin=23 level=high released");
        }
    }
}
