package org.topupkiosk.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/chaos --adapter rest|osmp}: the adapter picks the simulation config the child kiosks run on (each
 * loaded through the real config parser), and a config that names another adapter is refused, not silently run.
 */
class ChaosAdapterTest {

    @Test
    void eachAdapterRunsOnItsOwnSimulationConfig() {
        assertThat(ChaosHarness.configFor("rest")).isEqualTo(Path.of("kiosk-config/kiosk.yaml"));
        assertThat(ChaosHarness.configFor("osmp")).isEqualTo(Path.of("kiosk-config/osmp.example.yaml"));
        assertThat(ChaosHarness.adapterProblem("rest", null)).isNull();
        assertThat(ChaosHarness.adapterProblem("osmp", null)).as("osmp.example.yaml parses and says osmp").isNull();
    }

    @Test
    void aMismatchOrAnUnknownAdapterIsRefused() {
        assertThat(ChaosHarness.adapterProblem("osmp", Path.of("kiosk-config/kiosk.yaml")))
                .isEqualTo("--adapter osmp but kiosk-config/kiosk.yaml says carrier.adapter: rest");
        assertThat(ChaosHarness.adapterProblem("soap", null)).isEqualTo("--adapter soap (expected rest or osmp)");
        assertThat(ChaosHarness.adapterProblem("rest", Path.of("kiosk-config/missing.yaml")))
                .startsWith("kiosk-config/missing.yaml cannot be used: ");
    }
}
