package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.VpcdReaderLock;

/** Simulation's rig: through pcscd when its virtual reader is there, else the in-memory slot, same reading either way. */
@ExtendWith(VpcdReaderLock.class)
class VirtualSimRigTest {

    @Test
    void withoutAMatchingPcscReaderTheCardGoesIntoMemoryAndIsStillRead() throws Exception {
        try (VirtualSimRig rig = VirtualSimRig.open("No Such Reader", 35963, Duration.ofSeconds(2),
                VirtualSimProfile.GSM_WITH_NUMBER)) {
            assertThat(rig.throughPcsc()).isFalse();
            SimEvents events = new SimEvents();
            rig.reader().start(events);
            rig.reader().enable();
            rig.insert(rig.defaultCard(), VirtualSimFaults.NONE);
            assertThat(events.next(SimEvent.Inserted.class, 5).reader()).isEqualTo(MemoryCardSlot.NAME);
            assertThat(events.next(SimEvent.Read.class, 5).identity().msisdn()).contains(new Msisdn("+79161000001"));
            rig.remove();
            events.next(SimEvent.Removed.class, 5);
        }
    }

    @Test
    void withPcscdTheCardTravelsThroughVpcd() throws Exception {
        try (VirtualSimRig rig = VirtualSimRig.open(PcscSimReaderIntegrationTest.READER, 35963, Duration.ofSeconds(4),
                VirtualSimProfile.USIM_WITH_NUMBER)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(rig.throughPcsc(),
                    "SKIPPING LOUDLY: pcscd with the vpcd reader is not running; .ci/run starts it");
            SimEvents events = new SimEvents();
            rig.reader().start(events);
            rig.reader().enable();
            rig.insert(rig.defaultCard(), VirtualSimFaults.NONE);
            assertThat(events.next(SimEvent.Inserted.class, 10).reader()).isEqualTo(PcscSimReaderIntegrationTest.READER);
            assertThat(events.next(SimEvent.Read.class, 15).identity().operatorHint()).contains("megafon");
        }
    }
}
