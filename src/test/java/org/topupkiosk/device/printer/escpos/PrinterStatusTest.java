package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;

/** Status bytes as printers send them for DLE EOT 1, 2, 3, 4. */
class PrinterStatusTest {

    @Test
    void readyPrinter() {
        PrinterStatus s = PrinterStatus.decode(0x16, 0x12, 0x12, 0x12);   // 0x16: drawer pin high, still online
        assertThat(s.ready()).isTrue();
        assertThat(s.problem()).isNull();
        assertThat(s.describe()).isEqualTo("ready");
    }

    @Test
    void paperOutFromTheOfflineCauseAndTheRollSensor() {
        PrinterStatus s = PrinterStatus.decode(0x1A, 0x32, 0x12, 0x7E);
        assertThat(s.paperOut()).isTrue();
        assertThat(s.problem().code()).isEqualTo(DeviceException.Code.PAPER_OUT);
        assertThat(PrinterStatus.decode(0x12, 0x12, 0x12, 0x72).paperOut()).isTrue();
    }

    @Test
    void nearEndStillPrints() {
        PrinterStatus s = PrinterStatus.decode(0x12, 0x12, 0x12, 0x1E);
        assertThat(s.paperNearEnd()).isTrue();
        assertThat(s.ready()).isTrue();
        assertThat(s.describe()).isEqualTo("paper near end");
    }

    @Test
    void coverCutterAndOffline() {
        assertThat(PrinterStatus.decode(0x1A, 0x16, 0x12, 0x12).problem().code())
                .isEqualTo(DeviceException.Code.COVER_OPEN);
        PrinterStatus cutter = PrinterStatus.decode(0x1A, 0x52, 0x1A, 0x12);
        assertThat(cutter.cutterError()).isTrue();
        assertThat(cutter.problem().code()).isEqualTo(DeviceException.Code.JAM);
        assertThat(PrinterStatus.decode(0x1A, 0x12, 0x12, 0x12).problem().code())
                .isEqualTo(DeviceException.Code.OFFLINE);
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        for (int mask = 0; mask < 64; mask++) {
            PrinterStatus s = new PrinterStatus(false, (mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0,
                    (mask & 8) != 0, (mask & 16) != 0, (mask & 32) != 0);
            int[] b = s.encode();
            PrinterStatus back = PrinterStatus.decode(b[0], b[1], b[2], b[3]);
            assertThat(back.coverOpen()).isEqualTo(s.coverOpen());
            assertThat(back.paperOut()).isEqualTo(s.paperOut());
            assertThat(back.cutterError()).isEqualTo(s.cutterError());
            assertThat(back.ready()).isEqualTo(s.ready());
        }
    }

    @Test
    void strayBytesAreNotStatus() {
        assertThat(PrinterStatus.isStatusByte(0x41)).isFalse();
        assertThatThrownBy(() -> PrinterStatus.decode(0x00, 0x12, 0x12, 0x12)).hasMessageContaining("0x00");
    }
}
