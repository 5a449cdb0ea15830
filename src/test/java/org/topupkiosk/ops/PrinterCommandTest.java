package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.device.emulator.printer.PrinterEmulatorServer;
import org.topupkiosk.testing.Kioskctl;

/** {@code kioskctl printer test} against the printer emulator on TCP, as against a network printer's port 9100. */
class PrinterCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int exit = Kioskctl.run(out, out, args);
        return new Run(exit, out.toString());
    }

    @Test
    void printsTheTestPageAndTheStatusOverTcp() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(dir, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0)) {
            // the emulator answers after it drew the page's PNG, which takes seconds on a loaded machine
            Run r = run("printer", "test", "--transport", "tcp://127.0.0.1:" + server.port(),
                    "--status-timeout-ms", "15000");
            assertThat(r.out()).contains("before: ready").contains("printed=true").contains("status: ready")
                    .contains("paper_out=false");
            assertThat(r.exit()).isZero();
            waitForPrinted(emu, 1);
            PrintedReceipt page = emu.printed().get(0);
            assertThat(page.text()).contains("Съешь же ещё этих мягких").contains("□□□□").contains("PRINTER TEST");
            assertThat(page.qrPayloads()).containsExactly("TOPUP KIOSK PRINTER TEST");
            assertThat(page.partialCut()).isTrue();
            assertThat(page.png()).exists();

            Run gb = run("printer", "test", "--transport", "tcp://127.0.0.1:" + server.port(), "--gb18030",
                    "--columns", "32", "--lang", "zh");
            assertThat(gb.exit()).isZero();
            waitForPrinted(emu, 2);
            assertThat(emu.printed().get(1).text()).contains("中文打印测试").contains("打印机测试");
        }
    }

    /**
     * A printer that answers every DLE EOT pair in the stream, the test page's trap stripe included, with its drawer
     * pin high: taking those answers for the status read "cover open" on a healthy printer.
     */
    private static EscPosPrinterEmulator fieldPrinter() {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.setRealtimeEverywhere(true);
        emu.setDrawerSignalHigh(true);
        emu.setAnswerDelay(Duration.ofMillis(300));
        return emu;
    }

    @Test
    void aHealthyPrinterThatAnswersInsideDataIsReportedReady() throws Exception {
        EscPosPrinterEmulator emu = fieldPrinter();
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0)) {
            Run r = run("printer", "test", "--transport", "tcp://127.0.0.1:" + server.port());
            assertThat(r.out()).contains("before: ready").contains("status: ready").contains("cover_open=false");
            assertThat(r.exit()).isZero();
            waitForPrinted(emu, 1);
        }
    }

    @Test
    void aRealCoverOpenOnSuchAPrinterIsStillReported() throws Exception {
        EscPosPrinterEmulator emu = fieldPrinter();
        emu.setCoverOpen(true);
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0)) {
            Run r = run("printer", "test", "--transport", "tcp://127.0.0.1:" + server.port());
            assertThat(r.out()).contains("before: offline, cover open").contains("cover_open=true");
            assertThat(r.exit()).isEqualTo(1);
        }
    }

    @Test
    void aBadBaudNamesTheSpeeds() {
        Run r = run("printer", "test", "--transport", "serial:/dev/ttyS0", "--baud", "14400");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("--baud: 14400").contains("9600, 19200, 38400, 57600, 115200");
    }

    @Test
    void reportsPaperOutWithExitOne() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.setPaperOut(true);
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0)) {
            Run r = run("printer", "test", "--transport", "tcp://127.0.0.1:" + server.port());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("status: offline, paper out").contains("paper_out=true");
        }
    }

    @Test
    void aPlainFileGetsThePageButNoStatus() throws Exception {
        Path file = dir.resolve("lp0");
        Files.createFile(file);
        Run r = run("printer", "test", "--transport", "file:" + file, "--status-timeout-ms", "200");
        assertThat(r.out()).contains("printed=true").contains("status: unknown");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(Files.size(file)).isGreaterThan(100);
    }

    @Test
    void aBadTransportNamesTheForms() {
        Run r = run("printer", "test", "--transport", "usb:lp0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("serial:/dev/ttyS0, file:/dev/usb/lp0 or tcp://host:9100");
    }

    private static void waitForPrinted(EscPosPrinterEmulator emu, int n) throws InterruptedException {
        for (int i = 0; i < 200 && emu.printed().size() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(emu.printed()).hasSizeGreaterThanOrEqualTo(n);
    }
}
