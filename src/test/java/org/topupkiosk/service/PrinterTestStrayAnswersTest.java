package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.ReceiptComposer;
import org.topupkiosk.receipt.ReceiptFacts;

/**
 * The service menu's printer test after a customer receipt whose QR data holds DLE EOT pairs, on a printer that
 * answers every pair it sees (drawer pin high, answers a moment late): healthy reads healthy, a cover really open
 * reads open.
 */
class PrinterTestStrayAnswersTest {

    @TempDir
    Path dir;

    private static final String TRAP_QR = "https://pay.example.ru/t/\u0010\u0004\u0001\u0010\u0004\u0001";

    private record Rig(EscPosPrinterEmulator emu, ReceiptDesk desk, Journal journal) implements AutoCloseable {
        @Override
        public void close() {
            desk.close();
            journal.close();
        }
    }

    private Rig rig() {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.setRealtimeEverywhere(true);
        emu.setDrawerSignalHigh(true);
        emu.setAnswerDelay(Duration.ofMillis(300));
        EscPosPrinter printer = new EscPosPrinter(emu.memoryLink(), new ReceiptEncoder(ReceiptEncoder.Options.defaults()),
                Duration.ofSeconds(3), Duration.ofSeconds(3));
        Journal journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        ReceiptComposer composer = new ReceiptComposer(new Messages(), new ReceiptFacts.Kiosk("0042", "Moscow",
                "+7 800 000-00-00", "https://pay.example.ru/t/"), 42, Clock.systemUTC());
        return new Rig(emu, new ReceiptDesk(journal, printer, composer, Clock.systemUTC()), journal);
    }

    private static boolean printCopy(ReceiptDesk desk) throws Exception {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        desk.printCopy(new Receipt("copy-1", 42, List.of(new Receipt.Line("КОПИЯ", Receipt.Style.CENTER_BOLD)),
                TRAP_QR), done::complete);
        return done.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aHealthyPrinterPassesItsTestAfterAReceiptWithStrayQuestions() throws Exception {
        try (Rig r = rig()) {
            assertThat(printCopy(r.desk())).isTrue();
            List<String> progress = new ArrayList<>();
            assertThat(new PrinterTest(r.desk()).run(Lang.EN, progress::add)).isTrue();
            assertThat(progress).contains("test page printed");
            assertThat(progress.get(0)).startsWith("status ok: ready");
            assertThat(r.emu().printed()).hasSize(2);
        }
    }

    @Test
    void aCoverReallyOpenFailsTheTest() throws Exception {
        try (Rig r = rig()) {
            assertThat(printCopy(r.desk())).isTrue();
            r.emu().setCoverOpen(true);
            List<String> progress = new ArrayList<>();
            assertThat(new PrinterTest(r.desk()).run(Lang.EN, progress::add)).isFalse();
            assertThat(progress.get(0)).contains("cover open");
            assertThat(progress).contains("test page did not print");
        }
    }
}
