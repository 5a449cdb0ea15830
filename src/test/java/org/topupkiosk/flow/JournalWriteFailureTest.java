package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.JournalFaults;
import org.topupkiosk.journal.OrderStatus;

/**
 * Issue 12 item 3: a journal that cannot write while a note stacks. Before, the note was not acknowledged, the flow
 * thread logged the exception and went on with the acceptor enabled, and the note was replayed only at the next start,
 * into whatever order was open then. Real SQLite failures: another connection holding the write lock past the busy
 * timeout (SQLITE_BUSY), and a full file (SQLITE_FULL through max_page_count).
 */
class JournalWriteFailureTest {

    @TempDir
    Path dir;

    /** Escrow and stack a note for the open order, as the device and the flow do; returns the order's txn. */
    private static String stackNote(FlowFixture k, long rub, String noteId) {
        String txn = k.snap().txnId();
        k.acceptor.raise(new BillEvent.Escrowed(Money.rub(rub)));
        k.exec.runPending();
        assertThat(k.acceptor.lastCommand()).isEqualTo("stack");
        assertThat(k.acceptor.stackedFor.get(k.acceptor.stackedFor.size() - 1)).as("stacked for its order")
                .isEqualTo(txn);
        k.acceptor.raise(new BillEvent.Stacked(Money.rub(rub), noteId, txn));
        k.exec.runPending();
        return txn;
    }

    private static void assertCashStopped(FlowFixture k, String noteId, Money held, String txn) {
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        assertThat(s.message().key()).isEqualTo("out_of_service.journal_write_held");
        assertThat(s.message().args()).containsExactly(held, txn);
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
        assertThat(k.acceptor.enabled).isEmpty();
        assertThat(k.acceptor.acknowledged).as("not in the journal: the driver keeps it").doesNotContain(noteId);
        // A note offered while the journal is down goes back.
        k.acceptor.raise(new BillEvent.Escrowed(Money.rub(100)));
        k.exec.runPending();
        assertThat(k.acceptor.lastCommand()).isEqualTo("return");
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
    }

    private static void assertBackOnItsOrder(FlowFixture k, String noteId, Money cash, String txn, String error) {
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(s.txnId()).isEqualTo(txn);
        assertThat(s.cashInserted()).isEqualTo(cash);
        assertThat(k.journal.order(txn).orElseThrow().cash()).isEqualTo(cash);
        assertThat(k.acceptor.acknowledged).contains(noteId);
        assertThat(k.acceptor.lastCommand()).isEqualTo("enable");
        List<AuditEntry> rows = k.journal.recentAudit(List.of("journal_write_recovered"), 5);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.txnId()).isEqualTo(txn);
            assertThat(r.dataJson()).contains(error);
        });
        assertThat(k.journal.verify().ok()).isTrue();
    }

    @Test
    @Timeout(60)
    void aJournalBusyPastTheTimeoutStopsTheCashAndTheNoteIsCreditedToItsOrderWhenWritesWork() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            k.insert(100, "n-1");
            String txn;
            AutoCloseable lock = JournalFaults.holdWriteLock(dir.resolve("journal.db"));
            try {
                txn = stackNote(k, 500, "n-2"); // waits out the 5 s busy timeout, then SQLITE_BUSY
                assertCashStopped(k, "n-2", Money.rub(600), txn);
                k.exec.advance(SafeStop.PROBE_EVERY); // still locked: still out of service
                assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
            } finally {
                lock.close();
            }
            k.exec.advance(SafeStop.PROBE_EVERY);
            assertBackOnItsOrder(k, "n-2", Money.rub(600), txn, "SQLITE_BUSY");
        }
    }

    @Test
    @Timeout(60)
    void aFullDiskWhileANoteStacksStopsTheCashAndTheNoteIsCreditedToItsOrderWhenThereIsRoom() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            JournalFaults.fill(k.journal);
            String txn = stackNote(k, 500, "n-3");
            assertCashStopped(k, "n-3", Money.rub(500), txn);
            k.exec.advance(SafeStop.PROBE_EVERY);
            assertThat(k.snap().screen()).as("still full").isEqualTo(Screen.OUT_OF_SERVICE);
            JournalFaults.makeRoom(k.journal);
            k.exec.advance(SafeStop.PROBE_EVERY);
            assertBackOnItsOrder(k, "n-3", Money.rub(500), txn, "SQLITE_FULL");
        }
    }

    /**
     * The driver raises a held note again after a restart, with the order it was stacked for. That order was cancelled
     * meanwhile and another customer is paying: the note is not their cash, it is a printed credit voucher.
     */
    @Test
    @Timeout(60)
    void aNoteRaisedAgainForAnOrderNoLongerOpenIsAPrintedVoucherNotCashOfTheOpenOrder() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            String first = k.snap().txnId();
            k.insert(100, "n-a");
            k.cmd(new FlowCommand.Cancel());
            k.awaitScreen(Screen.CREDIT_VOUCHER);
            k.cmd(new FlowCommand.Finish());
            k.awaitScreen(Screen.IDLE);
            k.toCashInsertion("9161234567", "300");
            String second = k.snap().txnId();
            int printed = k.printer.printed().size();

            k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER,
                    Money.rub(500), "n-late", first));
            k.exec.runPending();

            assertThat(k.journal.order(first).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(k.journal.order(second).orElseThrow().cash()).as("not the open order's cash")
                    .isEqualTo(Money.ZERO_RUB);
            assertThat(k.snap().screen()).as("the paying customer keeps their screen").isEqualTo(Screen.CASH_INSERTION);
            assertThat(k.journal.openCredits()).extracting(CustomerCredit::amount).contains(Money.rub(500));
            assertThat(k.acceptor.acknowledged).contains("n-late");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (k.printer.printed().size() == printed && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(k.printer.printed()).as("the voucher is printed").hasSizeGreaterThan(printed);
            assertThat(k.journal.verify().ok()).isTrue();
        }
    }

    /** The same note raised for an order that is still open (the kiosk restarted with it): credited there. */
    @Test
    void aNoteRaisedAgainForTheOpenOrderIsCreditedToIt() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            String txn = k.snap().txnId();
            k.flow = k.newFlow(); // a restart: the order is resumed on its cash screen
            k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER,
                    Money.rub(200), "n-r", txn));
            k.exec.runPending();
            assertThat(k.journal.order(txn).orElseThrow().cash()).isEqualTo(Money.rub(200));
            assertThat(k.snap().cashInserted()).isEqualTo(Money.rub(200));
        }
    }
}
