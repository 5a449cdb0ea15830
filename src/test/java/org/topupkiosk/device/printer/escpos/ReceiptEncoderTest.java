package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.domain.Receipt.Style;

class ReceiptEncoderTest {

    private static byte[] encode(ReceiptEncoder.Options o, Line... lines) {
        return new ReceiptEncoder(o).encode(new Receipt("r", 32, List.of(lines), null));
    }

    @Test
    void startsWithInitialiseAndCp866AndEndsWithFeedAndCut() {
        byte[] b = encode(ReceiptEncoder.Options.defaults(), new Line("OK", Style.NORMAL));
        assertThat(Hex.of(b)).startsWith("1B 40 1B 74 11 ");
        assertThat(Hex.of(b)).endsWith("1B 64 02 1D 56 42 48");
    }

    @Test
    void cyrillicGoesAsCp866Bytes() {
        byte[] b = encode(ReceiptEncoder.Options.defaults(), new Line("Итого: 600", Style.BOLD));
        // И=88 т=E2 о=AE г=A3 о=AE in CP866, after bold on (left and normal size are where ESC @ left them)
        assertThat(Hex.of(b)).contains("1B 74 11 1B 45 01 88 E2 AE A3 AE 3A 20 36 30 30 0A");
    }

    @Test
    void chineseGoesThroughGb18030ModeWhenThePrinterHasIt() {
        byte[] b = encode(ReceiptEncoder.Options.defaults().withGb18030(true), new Line("金额 600", Style.NORMAL));
        // 金 = BD F0, 额 = B6 EE in GB18030; the ASCII tail stays in the code page
        assertThat(Hex.of(b)).contains("1C 26 BD F0 B6 EE 1C 2E 20 36 30 30 0A");
        assertThat(Hex.indexOf(b, Hex.bytes("1D 76 30"))).isEqualTo(-1);
    }

    @Test
    void chineseBecomesUserDefinedGlyphsOtherwiseAndTheRestStaysText() {
        byte[] b = encode(ReceiptEncoder.Options.defaults(), new Line("金额 600 金", Style.NORMAL));
        assertThat(Hex.indexOf(b, Hex.bytes("1C 26"))).isEqualTo(-1);
        assertThat(Hex.indexOf(b, Hex.bytes("1D 76 30"))).isEqualTo(-1);
        // ESC & 3 33 36: two glyphs (金, 额) of two 12 x 24 cells, each cell 12 columns of 3 bytes
        int at = Hex.indexOf(b, Hex.bytes("1B 26 03 21 24 0C"));
        assertThat(at).isPositive();
        int after = at + 5 + 4 * (1 + 36);
        // then the line: ESC % 1, codes 21 22 23 24, ESC % 0, " 600 ", the repeated 金 as 21 22 only
        assertThat(Hex.of(Arrays.copyOfRange(b, after, b.length))).startsWith(
                "1B 25 01 21 22 23 24 1B 25 00 20 36 30 30 20 1B 25 01 21 22 0A 1B 25 00");
    }

    @Test
    void charactersOutsideTheCodePageBecomeReadableText() {
        byte[] b = encode(ReceiptEncoder.Options.defaults(), new Line("Бонус «500 ₽» — №1…", Style.NORMAL));
        assertThat(new String(b, ReceiptEncoder.CP866)).contains("Бонус \"500 руб.\" - №1...");
        assertThat(Hex.indexOf(b, Hex.bytes("1D 76 30"))).isEqualTo(-1);
        byte[] en = encode(ReceiptEncoder.Options.defaults(), new Line("Bonus on 500\u00A0₽ 🎉", Style.NORMAL));
        assertThat(new String(en, ReceiptEncoder.CP866)).contains("Bonus on 500 RUB").doesNotContain("?");
    }

    @Test
    void largeCentredLineIsDoubleSizeBold() {
        byte[] b = encode(ReceiptEncoder.Options.defaults(), new Line("1234", Style.CENTER_LARGE));
        assertThat(Hex.of(b)).contains("1B 61 01 1B 45 01 1D 21 11 31 32 33 34 0A");
    }

    @Test
    void qrIsNativeOrRaster() {
        Receipt r = new Receipt("r", 42, List.of(new Line("x", Style.NORMAL)), "https://topup.example/t/0042-1");
        byte[] nativeQr = new ReceiptEncoder(ReceiptEncoder.Options.defaults()).encode(r);
        byte[] rasterQr = new ReceiptEncoder(ReceiptEncoder.Options.defaults().withNativeQr(false)).encode(r);
        assertThat(Hex.indexOf(nativeQr, Hex.bytes("1D 28 6B 03 00 31 51 30"))).isPositive();
        assertThat(Hex.indexOf(rasterQr, Hex.bytes("1D 28 6B"))).isEqualTo(-1);
        assertThat(rasterQr.length).isGreaterThan(nativeQr.length * 5);
    }

    @Test
    void barcodeFollowsTheQr() {
        Receipt r = new Receipt("r", 42, List.of(), "Q", "123456789012");
        byte[] b = new ReceiptEncoder(ReceiptEncoder.Options.defaults()).encode(r);
        assertThat(Hex.indexOf(b, Hex.bytes("1D 6B 49 0E 7B 42 31 32 33"))).isGreaterThan(
                Hex.indexOf(b, Hex.bytes("31 51 30")));
    }
}
