package org.topupkiosk.device.cash.id003;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.cash.AcceptorIdentity;
import org.topupkiosk.device.cash.AcceptorPtyScenario;
import org.topupkiosk.device.emulator.Id003Emulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.domain.Money;

/**
 * The pty scenario ({@link AcceptorPtyScenario}) with the real ID003 driver and the acceptor emulator, whose firmware
 * orders its notes unlike the common ruble order while the kiosk configures no table: every note is valued right only
 * if the driver read the table from the unit (CURRENCY ASSIGN, 0x8A).
 */
class Id003PtyIntegrationTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void hundredNotesOnANoisyLineAreCreditedExactlyOnce() throws Exception {
        Id003Denominations firmware = Id003Denominations.inCodeOrder(AcceptorPtyScenario.NOTES);
        assertThat(firmware.code(Money.rub(200))).isNotEqualTo(Id003Denominations.RUB_DEFAULT.code(Money.rub(200)));
        Id003Emulator validator = new Id003Emulator(firmware, new LineNoise(0.05, 0, 0.05, 20), 42);
        AcceptorPtyScenario.hundredNotes(dir, KioskConfig.BillAcceptorType.ID003, validator, 0x72, core -> {
            AcceptorPtyScenario.awaitTrue(() -> !((AcceptorIdentity) core.acceptor()).denominations().isEmpty());
            assertThat(((AcceptorIdentity) core.acceptor()).denominations()).as("the unit's table")
                    .isEqualTo(AcceptorPtyScenario.NOTES);
        });
    }
}
