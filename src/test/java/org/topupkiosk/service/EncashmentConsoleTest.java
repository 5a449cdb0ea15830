package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.ops.SimulatedKiosk;

/** Encashment from the service console on the real simulated kiosk: journal first, then the report on paper. */
class EncashmentConsoleTest {

    @TempDir
    Path dir;
    SimulatedKiosk k;

    @BeforeEach
    void setUp() throws Exception {
        k = new SimulatedKiosk(dir, "258046", Clock.systemUTC(), false); // sales written into the journal by hand
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private void sale(String... notes) {
        Journal j = k.core.journal();
        Order o = j.openOrder("topup", Msisdn.of("+7 916 123-45-67"), "mts", null);
        long sum = 0;
        for (String n : notes) {
            String[] p = n.split("@");
            j.recordStacked(o.txnId(), Money.rub(Long.parseLong(p[0])), p[1]);
            sum += Long.parseLong(p[0]) * 100;
        }
        j.submit(o.txnId(), Money.rubMinor(sum), Money.ZERO_RUB, false, "{\"t\":1}");
    }

    private List<PrintedReceipt> printed(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (k.core.printerEmulator().printed().size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return k.core.printerEmulator().printed();
    }

    @Test
    void countsPrintsAndStartsAgainFromZero() throws Exception {
        sale("100@a", "100@b", "5000@c");
        Encashment count = get(k.console.cashBox());
        assertThat(count.total()).isEqualTo(Money.rub(5200));
        assertThat(count.noteCount()).isEqualTo(3);

        ServiceConsole.Encashed done = get(k.console.encash(Lang.EN, "service menu"));
        assertThat(done.printed()).isTrue();
        assertThat(done.encashment().number()).isEqualTo(1);
        String paper = String.join("\n", printed(1).get(0).lines());
        assertThat(paper).contains("ENCASHMENT", "E-" + k.core.journal().kioskId() + "-0001", "x 2", "x 1", "5,200");
        assertThat(get(k.console.cashBox()).noteCount()).isZero();
        assertThat(get(k.console.cashBox()).number()).isEqualTo(2);
        assertThat(k.core.journal().verify().ok()).isTrue();
    }

    @Test
    void aReportThatDidNotPrintIsReprintedFromTheJournalTheSameAsBefore() throws Exception {
        sale("500@a");
        k.core.printerEmulator().setPaperOut(true);
        ServiceConsole.Encashed failed = get(k.console.encash(Lang.RU, "service menu"));
        assertThat(failed.printed()).isFalse();
        assertThat(get(k.console.cashBox()).noteCount()).as("journaled although not printed").isZero();
        k.core.printerEmulator().setPaperOut(false);
        var again = get(k.console.reprintEncashment(Lang.EN));
        assertThat(again).isPresent();
        assertThat(again.get().printed()).isTrue();
        assertThat(again.get().encashment()).isEqualTo(failed.encashment());
        // printed as journaled the first time (Russian), not recomposed
        assertThat(String.join("\n", printed(1).get(0).lines())).contains("ИНКАССАЦИЯ");
        assertThat(get(k.console.cashBox()).number()).isEqualTo(2);
        assertThat(k.core.journal().verify().ok()).isTrue();
    }

    @Test
    void reprintWithoutAnyEncashmentSaysSo() throws Exception {
        assertThat(get(k.console.reprintEncashment(Lang.EN))).isEmpty();
    }
}
