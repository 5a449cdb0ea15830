package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.Align;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.Cut;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.QrLevel;

/** Each command against the bytes of the Epson ESC/POS reference. */
class EscPosBuilderTest {

    private static String hex(EscPosBuilder b) {
        return Hex.of(b.toBytes());
    }

    @Test
    void modeCommands() {
        assertThat(hex(new EscPosBuilder().initialize())).isEqualTo("1B 40");
        assertThat(hex(new EscPosBuilder().align(Align.LEFT))).isEqualTo("1B 61 00");
        assertThat(hex(new EscPosBuilder().align(Align.CENTER))).isEqualTo("1B 61 01");
        assertThat(hex(new EscPosBuilder().align(Align.RIGHT))).isEqualTo("1B 61 02");
        assertThat(hex(new EscPosBuilder().bold(true).bold(false))).isEqualTo("1B 45 01 1B 45 00");
        assertThat(hex(new EscPosBuilder().size(1, 1))).isEqualTo("1D 21 00");
        assertThat(hex(new EscPosBuilder().size(2, 2))).isEqualTo("1D 21 11");
        assertThat(hex(new EscPosBuilder().size(1, 2))).isEqualTo("1D 21 01");
        assertThat(hex(new EscPosBuilder().codePage(EscPosBuilder.CODE_PAGE_CP866))).isEqualTo("1B 74 11");
        assertThat(hex(new EscPosBuilder().chineseOn().chineseOff())).isEqualTo("1C 26 1C 2E");
        assertThat(hex(new EscPosBuilder().feedLines(3).newline())).isEqualTo("1B 64 03 0A");
    }

    @Test
    void nativeQrIsModelSizeLevelStorePrint() {
        assertThat(hex(new EscPosBuilder().qr("ABC", 6, QrLevel.M))).isEqualTo(
                "1D 28 6B 04 00 31 41 32 00 "      // fn 165: model 2
                + "1D 28 6B 03 00 31 43 06 "       // fn 167: module 6 dots
                + "1D 28 6B 03 00 31 45 31 "       // fn 169: level M
                + "1D 28 6B 06 00 31 50 30 41 42 43 "   // fn 180: store "ABC" (pL = 3 + 3)
                + "1D 28 6B 03 00 31 51 30");      // fn 181: print
    }

    @Test
    void qrStoreLengthUsesBothBytesForLongPayloads() {
        byte[] b = new EscPosBuilder().qr("x".repeat(300), 4, QrLevel.L).toBytes();
        int store = Hex.indexOf(b, Hex.bytes("31 50 30"));
        assertThat(b[store - 2] & 0xFF).isEqualTo((303) & 0xFF);
        assertThat(b[store - 1] & 0xFF).isEqualTo(303 >> 8);
    }

    @Test
    void rasterImageCarriesWidthInBytesAndHeightInDots() {
        Bitmap image = Bitmap.of(10, 2, (x, y) -> x == 0 || (y == 1 && x == 9));
        assertThat(hex(new EscPosBuilder().raster(image)))
                .isEqualTo("1D 76 30 00 02 00 02 00 80 00 80 40");
    }

    @Test
    void tallRasterIsSentInBands() {
        byte[] b = new EscPosBuilder().raster(Bitmap.blank(8, 300)).toBytes();
        assertThat(b.length).isEqualTo(8 + 256 + 8 + 44);
        assertThat(Hex.of(Arrays.copyOfRange(b, 264, 272))).isEqualTo("1D 76 30 00 01 00 2C 00");
    }

    @Test
    void cutDrawerAndStatus() {
        assertThat(hex(new EscPosBuilder().cut(Cut.PARTIAL, 72))).isEqualTo("1D 56 42 48");
        assertThat(hex(new EscPosBuilder().cut(Cut.FULL, 0))).isEqualTo("1D 56 41 00");
        assertThat(hex(new EscPosBuilder().drawerKick(2, 50, 500))).isEqualTo("1B 70 00 19 FA");
        assertThat(hex(new EscPosBuilder().drawerKick(5, 100, 200))).isEqualTo("1B 70 01 32 64");
        assertThat(hex(new EscPosBuilder().statusRequest(1).statusRequest(4))).isEqualTo("10 04 01 10 04 04");
    }

    @Test
    void code128UsesSubsetBWithLengthByte() {
        assertThat(hex(new EscPosBuilder().code128("12", 80, 2)))
                .isEqualTo("1D 68 50 1D 77 02 1D 48 02 1D 6B 49 04 7B 42 31 32");
    }

    @Test
    void outOfRangeArgumentsAreRefusedWithTheLimit() {
        assertThatThrownBy(() -> new EscPosBuilder().size(9, 1)).hasMessageContaining("1..8");
        assertThatThrownBy(() -> new EscPosBuilder().statusRequest(5)).hasMessageContaining("1..4");
        assertThatThrownBy(() -> new EscPosBuilder().drawerKick(3, 50, 500)).hasMessageContaining("2 or 5");
        assertThatThrownBy(() -> new EscPosBuilder().qr("", 6, QrLevel.M)).hasMessageContaining("1..7089");
    }
}
