package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.emulator.sim.VirtualSimFaults;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.ShippedConfig;
import org.topupkiosk.testing.VpcdReaderLock;

/** The composition root builds the SIM reader from devices.sim: the virtual SIM in simulation, nothing when off. */
@ExtendWith(VpcdReaderLock.class)
class KioskCoreSimTest {

    @TempDir
    Path dir;

    private Path config(String simSection) throws IOException {
        return ShippedConfig.withSection(dir, "  sim:", "\n\n", simSection);
    }

    @Test
    void simulationReadsTheVirtualSimWhereverItRuns() throws Exception {
        Path cfg = config("  sim:\n    enabled: true\n    simulated: true\n    reader: \"Virtual PCD 00 00\"\n"
                + "    virtualCard: gsm-with-number\n");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            assertThat(core.simRig()).isNotNull();
            assertThat(core.simRig().reader()).isSameAs(core.simReader());
            LinkedBlockingQueue<SimEvent> events = new LinkedBlockingQueue<>();
            core.simReader().start(events::add);
            core.simReader().enable();
            core.simRig().insert(core.simRig().defaultCard(), VirtualSimFaults.NONE);
            SimEvent e;
            do {
                e = events.poll(15, TimeUnit.SECONDS);
                assertThat(e).as("no SIM read within 15 s").isNotNull();
            } while (!(e instanceof SimEvent.Read));
            assertThat(((SimEvent.Read) e).identity().msisdn()).contains(new Msisdn("+79161000001"));
        }
    }

    @Test
    void disabledMeansNoReader() throws Exception {
        Path cfg = config("  sim:\n    enabled: false\n");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            assertThat(core.simReader()).isNull();
            assertThat(core.simRig()).isNull();
        }
    }
}
