package org.topupkiosk.device.emulator.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.printer.escpos.EscPosBuilder;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.device.printer.escpos.TcpLink;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.domain.Receipt.Style;
import org.topupkiosk.testing.Zbarimg;

/** The real driver against the emulator, in memory and over TCP. */
class EscPosPrinterEmulatorTest {

    @TempDir
    Path dir;

    private static final String LINK = "https://topup.example/t/0042-000317";

    private static Receipt receipt() {
        return new Receipt("0042-000317-payment", 42, List.of(
                new Line("ПОПОЛНЕНИЕ СЧЁТА", Style.CENTER_BOLD),
                new Line("手机充值", Style.CENTER),
                new Line("Итого:                              600 руб.", Style.BOLD),
                new Line("1234 5678", Style.CENTER_LARGE)), LINK);
    }

    private static EscPosPrinter printer(EscPosPrinterEmulator emu, boolean gb18030) {
        return new EscPosPrinter(emu.memoryLink(), new ReceiptEncoder(ReceiptEncoder.Options.defaults()
                .withGb18030(gb18030)), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void textComesOutDecodedInBothChineseModes() throws Exception {
        for (boolean gb : new boolean[] {true, false}) {
            EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
            printer(emu, gb).print(receipt());
            PrintedReceipt r = emu.printed().get(0);
            assertThat(r.lines()).startsWith("ПОПОЛНЕНИЕ СЧЁТА", gb ? "手机充值" : "□□□□□□□□",
                    "Итого:                              600 руб.", "1234 5678");
            assertThat(r.qrPayloads()).containsExactly(LINK);
            assertThat(r.partialCut()).isTrue();
        }
    }

    @Test
    void keepsOnlyTheNewestReceiptsSoASimulationKioskDoesNotGrowWithEverySale() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        EscPosPrinter printer = printer(emu, true);
        int total = EscPosPrinterEmulator.KEEP_PRINTED + 30;
        for (int i = 0; i < total; i++) {
            printer.print(receipt());
        }
        List<PrintedReceipt> kept = emu.printed();
        assertThat(kept).hasSize(EscPosPrinterEmulator.KEEP_PRINTED);
        assertThat(kept.get(0).number()).isEqualTo(31);
        assertThat(kept.get(kept.size() - 1).number()).isEqualTo(total);
    }

    @Test
    void pngRoundTripThroughZbarimg() throws Exception {
        Zbarimg.require();
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(dir, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        printer(emu, false).print(receipt());
        Path png = emu.printed().get(0).png();
        assertThat(png).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(EscPosPrinterEmulator.PAPER_80MM_DOTS + 32);
        assertThat(Zbarimg.read(png)).isEqualTo(LINK);
    }

    @Test
    void barcodeRoundTripThroughZbarimg() throws Exception {
        Zbarimg.require();
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(dir, EscPosPrinterEmulator.PAPER_58MM_DOTS);
        printer(emu, false).print(new Receipt("credit-1", 32, List.of(new Line("Ваучер", Style.NORMAL)), null,
                "123456789012"));
        assertThat(Zbarimg.read(emu.printed().get(0).png())).isEqualTo("123456789012");
    }

    @Test
    void paperOutBeforeTheReceiptRefusesAtOnce() {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.setPaperOut(true);
        EscPosPrinter p = printer(emu, false);
        assertThatThrownBy(() -> p.print(receipt())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT));
        assertThat(p.checkHealth().state()).isEqualTo(DeviceHealth.State.FAILED);
        assertThat(emu.printed()).isEmpty();
        emu.setPaperOut(false);
        assertThat(p.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
    }

    @Test
    void paperRunningOutMidReceiptIsAFailedPrint() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.runOutOfPaperAfter(20);
        EscPosPrinter p = printer(emu, true);
        assertThatThrownBy(() -> p.print(receipt())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT));
        assertThat(emu.printed()).isEmpty();
        assertThat(emu.spoiled()).isEqualTo(1);
        emu.setPaperOut(false);
        p.print(receipt());
        assertThat(emu.printed()).hasSize(1);
    }

    @Test
    void coverNearEndAndOfflineReachTheDriver() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        EscPosPrinter p = printer(emu, false);
        emu.setCoverOpen(true);
        assertThatThrownBy(() -> p.print(receipt())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.COVER_OPEN));
        emu.setCoverOpen(false);
        emu.setPaperNearEnd(true);
        assertThat(p.checkHealth().state()).isEqualTo(DeviceHealth.State.DEGRADED);
        p.print(receipt());
        emu.setOffline(true);
        assertThat(p.checkHealth().state()).isEqualTo(DeviceHealth.State.OFFLINE);
        assertThatThrownBy(() -> p.print(receipt())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.OFFLINE));
    }

    @Test
    void overTcpLikePort9100() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(dir, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0);
             EscPosPrinter p = new EscPosPrinter(new TcpLink("127.0.0.1", server.port(), Duration.ofSeconds(2)),
                     new ReceiptEncoder(ReceiptEncoder.Options.defaults().withGb18030(true)), Duration.ofSeconds(2),
                     Duration.ofSeconds(2))) {
            p.print(receipt());
            p.print(receipt());
            assertThat(emu.printed()).hasSize(2);
            assertThat(emu.printed().get(1).lines()).contains("手机充值");
            emu.setPaperOut(true);
            assertThat(p.checkHealth().detail()).contains("paper out");
        }
        assertThat(Files.list(dir).count()).isEqualTo(2);
    }

    @Test
    void commandsSplitAcrossChunksAreReassembledAndTheDrawerKicks() {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_58MM_DOTS);
        byte[] b = new EscPosBuilder().initialize().codePage(17).chineseOn()
                .raw("中文".getBytes(Charset.forName("GB18030"))).chineseOff().newline()
                .qr("split", 4, EscPosBuilder.QrLevel.L).drawerKick(2, 50, 500).cut(EscPosBuilder.Cut.FULL, 0)
                .toBytes();
        EscPosPrinterEmulator.Session s = emu.open(reply -> { });
        for (byte x : b) {
            s.accept(new byte[] {x});
        }
        assertThat(emu.printed()).hasSize(1);
        assertThat(emu.printed().get(0).lines()).containsExactly("中文");
        assertThat(emu.printed().get(0).qrPayloads()).containsExactly("split");
        assertThat(emu.printed().get(0).partialCut()).isFalse();
        assertThat(emu.drawerKicks()).isEqualTo(1);
    }
}
