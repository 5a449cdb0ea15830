package org.topupkiosk.device.emulator.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.device.printer.escpos.TcpLink;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.domain.Receipt.Style;

/**
 * A printer that answers every DLE EOT pair in the stream, also inside raster and QR data (as Epson documents), with
 * its drawer pin high (0x16 to DLE EOT 1, whose bit 2 means "cover open" in the answer to DLE EOT 2), answering a
 * moment late as over a wire. The status read after a receipt must take its own four answers, not the receipt's.
 */
class StrayStatusAnswersTest {

    /** Three DLE EOT 1 pairs in the QR data: what a glyph or a code's bytes can hold by chance. */
    static final String TRAP_QR = "https://pay.example.ru/t/\u0010\u0004\u0001\u0010\u0004\u0001\u0010\u0004\u0001";

    static Receipt receipt() {
        return new Receipt("0042-000317-payment", 42, List.of(
                new Line("ПОПОЛНЕНИЕ СЧЁТА", Style.CENTER_BOLD),
                new Line("Итого:                              600 руб.", Style.BOLD)), TRAP_QR);
    }

    static EscPosPrinterEmulator fieldPrinter() {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.setRealtimeEverywhere(true);
        emu.setDrawerSignalHigh(true);
        emu.setAnswerDelay(Duration.ofMillis(300));
        return emu;
    }

    private static EscPosPrinter driver(EscPosPrinterEmulator emu) {
        return new EscPosPrinter(emu.memoryLink(), new ReceiptEncoder(ReceiptEncoder.Options.defaults()),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void theReceiptReallyCarriesStatusQuestionsInItsData() {
        byte[] bytes = new ReceiptEncoder(ReceiptEncoder.Options.defaults()).encode(receipt());
        assertThat(EscPosPrinter.strayRequests(bytes)).isEqualTo(3);
    }

    @Test
    void aHealthyPrinterIsReportedHealthyAfterAReceiptWithStrayQuestions() throws Exception {
        EscPosPrinterEmulator emu = fieldPrinter();
        try (EscPosPrinter printer = driver(emu)) {
            printer.print(receipt());   // throws "cover open" when a stray answer is taken for the status
            printer.print(receipt());
            assertThat(printer.status(Duration.ofSeconds(3)).ready()).isTrue();
        }
        assertThat(emu.printed()).hasSize(2);
        assertThat(emu.printed().get(0).qrPayloads()).containsExactly(TRAP_QR);
    }

    @Test
    void aRealCoverOpenIsStillReported() {
        EscPosPrinterEmulator emu = fieldPrinter();
        emu.setCoverOpen(true);
        try (EscPosPrinter printer = driver(emu)) {
            assertThatThrownBy(() -> printer.print(receipt())).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.code()).isEqualTo(DeviceException.Code.COVER_OPEN));
        }
    }

    @Test
    void paperRunningOutInsideTheReceiptIsStillReportedAfterIt() {
        EscPosPrinterEmulator emu = fieldPrinter();
        emu.runOutOfPaperAfter(20);
        try (EscPosPrinter printer = driver(emu)) {
            assertThatThrownBy(() -> printer.print(receipt())).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT));
        }
    }

    @Test
    void overTcpToo() throws Exception {
        EscPosPrinterEmulator emu = fieldPrinter();
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0);
             EscPosPrinter printer = new EscPosPrinter(new TcpLink("127.0.0.1", server.port(), Duration.ofSeconds(2)),
                     new ReceiptEncoder(ReceiptEncoder.Options.defaults()),
                     Duration.ofSeconds(3), Duration.ofSeconds(3))) {
            printer.print(receipt());
            printer.print(receipt());
            assertThat(printer.status(Duration.ofSeconds(3)).describe()).isEqualTo("ready");
        }
    }

    @Test
    void aPrinterThatIgnoresPairsInsideDataIsReadRightToo() throws Exception {
        EscPosPrinterEmulator emu = fieldPrinter();
        emu.setRealtimeEverywhere(false);
        try (EscPosPrinter printer = driver(emu)) {
            printer.print(receipt());
            emu.setCoverOpen(true);
            assertThat(printer.status(Duration.ofSeconds(3)).coverOpen()).isTrue();
        }
    }
}
