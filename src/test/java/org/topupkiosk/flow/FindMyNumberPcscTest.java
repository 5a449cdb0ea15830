package org.topupkiosk.flow;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.topupkiosk.device.emulator.sim.SimInserter;
import org.topupkiosk.device.emulator.sim.VpcdCardClient;
import org.topupkiosk.device.sim.CardSlot;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.testing.VpcdReaderLock;

/**
 * {@link FindMyNumberReaderCases} through the real stack: the virtual SIM speaks vpcd to pcscd's "Virtual PCD 00 00",
 * javax.smartcardio talks to pcscd. Holds the machine-wide vpcd lock; skipped loudly where pcscd or vpcd is missing.
 */
@ExtendWith(VpcdReaderLock.class)
class FindMyNumberPcscTest extends FindMyNumberReaderCases {

    static final String READER = "Virtual PCD 00 00";

    @BeforeAll
    static void needsPcscd() {
        String why = null;
        try {
            List<String> names = PcscCardSlot.readerNames();
            if (!names.contains(READER)) {
                why = "pcscd runs but has no \"" + READER + "\" (readers: " + names + "); install vsmartcard-vpcd";
            }
        } catch (SimException e) {
            why = "pcscd is not reachable: " + e.getMessage();
        }
        if (why != null) {
            String loud = "SKIPPING FIND-MY-NUMBER PC/SC TESTS: " + why + ". Start pcscd before Maven; .ci/run does.";
            System.err.println("!!!!! " + loud);
            Assumptions.assumeTrue(false, loud);
        }
    }

    @Override
    CardSlot slot() {
        return new PcscCardSlot(READER);
    }

    @Override
    SimInserter hand() {
        return new VpcdCardClient("127.0.0.1", VpcdCardClient.DEFAULT_PORT, READER);
    }
}
