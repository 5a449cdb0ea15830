package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;

/**
 * "No money without paper", asked of the journal: every order that took money is still the open one, reached the
 * carrier (its payment is in the outbox: PENDING or CONFIRMED), or gave a credit back; and every open credit's voucher
 * receipt (or, for a refusal that came after the customer left, the claim-code receipt of its order) is stored and
 * printed. Waits for the printer's own thread.
 */
final class PaperChecks {

    private PaperChecks() {}

    static void assertEveryRoubleOnPaperOrInAnOrder(FlowFixture k, String cell) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            k.exec.runPending();
            try {
                check(k, k.journal, cell);
                return;
            } catch (AssertionError e) {
                last = e;
            }
            Thread.sleep(10);
        }
        throw last;
    }

    private static void check(FlowFixture k, Journal journal, String cell) {
        // The money invariant (stacked = in orders + open credit + refunds) is verify's; here: where the money is.
        for (Order o : journal.ordersByStatus(OrderStatus.OPEN)) {
            assertThat(k.snap().txnId()).as("%s: the open order %s is the one on the screen", cell, o.txnId())
                    .isEqualTo(o.txnId());
        }
        for (CustomerCredit c : journal.openCredits()) {
            assertThat(onPaper(journal, c)).as("%s: credit of %s (%s, order %s) is on paper the customer holds",
                    cell, c.amount(), c.reason(), c.sourceTxn()).isTrue();
        }
        assertThat(journal.verify().violations()).as("%s: journal verify", cell).isEmpty();
    }

    /** The voucher itself printed, or (a late refusal) the claim-code receipt of its order printed. */
    static boolean onPaper(Journal journal, CustomerCredit c) {
        Optional<StoredReceipt> voucher = journal.receipt("credit-" + c.code());
        if (voucher.isPresent() && voucher.get().printed()) {
            return true;
        }
        return c.sourceTxn() != null && journal.claimOf(c.sourceTxn()).isPresent()
                && journal.recentReceipts(500).stream().anyMatch(r -> c.sourceTxn().equals(r.txnId())
                        && r.printed() && r.body().contains(journal.claimOf(c.sourceTxn()).get().code()));
    }
}
