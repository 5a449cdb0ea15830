package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devices.sim}: defaults keep older configs loading; every bad value is named by its key. */
class SimReaderConfigTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            kiosk:
              id: "0042"
              address: Test
            """;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void absentSectionMeansNoReader() throws Exception {
        KioskConfig c = ConfigLoader.loadKioskConfig(write(MINIMAL));
        assertThat(c.devices().sim()).isEqualTo(KioskConfig.SimReader.DISABLED);
        assertThat(c.devices().sim().enabled()).isFalse();
    }

    @Test
    void simulationUsesTheVirtualSim() throws Exception {
        KioskConfig.SimReader s = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/kiosk.yaml")).devices().sim();
        assertThat(s.enabled()).isTrue();
        assertThat(s.simulated()).isTrue();
        assertThat(s.reader()).isEqualTo("Virtual PCD 00 00");
        KioskConfig.SimReader prod = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/production.example.yaml"))
                .devices().sim();
        assertThat(prod.simulated()).isFalse();
    }

    @Test
    void valuesAreRead() throws Exception {
        KioskConfig.SimReader s = ConfigLoader.loadKioskConfig(write(MINIMAL + """
                devices:
                  sim:
                    enabled: true
                    reader: ACS
                    readTimeoutMs: 3000
                    virtualCard: GSM-With-Number
                """)).devices().sim();
        assertThat(s.reader()).isEqualTo("ACS");
        assertThat(s.readTimeoutMs()).isEqualTo(3000);
        assertThat(s.virtualCard()).isEqualTo("gsm-with-number");
        assertThat(s.vpcdPort()).isEqualTo(35963);
    }

    @Test
    void badValuesNameTheirKeys() throws Exception {
        Path f = write(MINIMAL + """
                devices:
                  sim:
                    enabled: yes please
                    virtualCard: golden-sim
                    readTimeoutMs: 10
                    vpcdPort: 70000
                    readr: typo
                """);
        assertThatThrownBy(() -> ConfigLoader.loadKioskConfig(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(ConfigException.Problem::key).contains("devices.sim.enabled",
                    "devices.sim.virtualCard", "devices.sim.readTimeoutMs", "devices.sim.vpcdPort", "devices.sim.readr");
            assertThat(e.getMessage()).contains("golden-sim").contains("usim-no-number").contains("milliseconds");
        });
    }
}
