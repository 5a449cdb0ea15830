package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.ops.SimulatedKiosk;

/** The service menu's power cycle goes through the cabinet relay (Pi4J mock pins in simulation) and is journaled. */
class ServiceConsolePowerCycleTest {

    @TempDir
    Path dir;

    @Test
    void powerCycleRunsTheRelayOnceAtATimeAndShowsInDeviceEvents() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, "258046", Clock.systemUTC());
             ServiceConsole console = new ServiceConsole(new ServiceConsole.Parts(k.pin, k.core.journal(), () -> { },
                     List.of(), k.core.desk(), k.core.flow()::submit, () -> { }),
                     reason -> k.core.gpio().pulseRelay(300, reason))) {
            assertThat(k.console.canPowerCycle()).as("the plain console has no relay").isFalse();
            assertThat(k.console.powerCycleAcceptor().get(1, TimeUnit.SECONDS)).isFalse();
            assertThat(console.canPowerCycle()).isTrue();

            var first = console.powerCycleAcceptor();
            assertThat(console.powerCycleAcceptor().get(1, TimeUnit.SECONDS)).as("no overlapping pulses").isFalse();
            assertThat(k.core.gpio().readings()).anySatisfy(r -> assertThat(r.line()).startsWith("relay").endsWith("energised"));
            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(k.core.gpio().readings()).anySatisfy(r -> assertThat(r.line()).startsWith("relay").endsWith("released"));

            List<AuditEntry> events = console.deviceEvents().get(5, TimeUnit.SECONDS);
            assertThat(events).filteredOn(e -> e.kind().equals("relay_pulse")).singleElement()
                    .satisfies(e -> assertThat(e.dataJson()).isEqualTo(
                            "{\"pin\":23,\"ms\":300,\"reason\":\"service menu: bill acceptor\"}"));
        }
    }
}
