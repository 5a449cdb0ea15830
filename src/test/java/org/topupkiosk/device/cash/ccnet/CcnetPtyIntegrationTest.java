package org.topupkiosk.device.cash.ccnet;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.cash.AcceptorPtyScenario;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.LineNoise;

/** The pty scenario ({@link AcceptorPtyScenario}) with the real CCNET driver and the validator emulator. */
class CcnetPtyIntegrationTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void hundredNotesOnANoisyLineAreCreditedExactlyOnce() throws Exception {
        CcnetEmulator validator = new CcnetEmulator(CcnetEmulator.RUB_TABLE, new LineNoise(0.05, 0, 0.05, 20), 42);
        AcceptorPtyScenario.hundredNotes(dir, KioskConfig.BillAcceptorType.CCNET, validator, 0x61, core -> { });
    }
}
