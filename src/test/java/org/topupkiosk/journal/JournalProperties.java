package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.Property;

/**
 * Random sequences of everything a kiosk does to the journal, legal and illegal, must keep the money invariant and
 * every other verify check, and the stacked total must equal the notes actually taken.
 */
class JournalProperties {

    private static final long[] NOTES_RUB = {10, 50, 100, 200, 500, 1000, 2000, 5000};

    @TempDir
    Path dir;

    @Test
    void invariantHoldsAfterAnyMixOfOperations() {
        int[] caseNo = {0};
        Property.forAll(20, random -> {
            Path db = dir.resolve("case-" + caseNo[0]++ + ".db");
            try (Journal journal = Journal.open(db, "0007", Clock.systemUTC())) {
                long stacked = run(journal, random, 40 + random.nextInt(40));
                // The flow prints every credit's voucher; verify counts one never printed as undelivered.
                journal.openCredits().forEach(c -> JournalTest.handOut(journal, c));
                VerifyReport report = journal.verify();
                assertThat(report.violations()).as(report.summary()).isEmpty();
                assertThat(report.summary()).contains("stacked=" + Money.rubMinor(stacked).plain());
            }
        });
    }

    /** Runs {@code steps} random operations; returns the cash the model says was stacked. */
    private static long run(Journal journal, Random r, int steps) {
        long stacked = 0;
        int notes = 0;
        List<String> pending = new ArrayList<>();
        List<String> noteIds = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            String open = journal.findOpenOrder().map(Order::txnId).orElse(null);
            switch (r.nextInt(10)) {
                case 0, 1 -> {
                    if (open == null && r.nextInt(3) == 0) {
                        // An e-PIN or eSIM: no number; its change and goods come at submit and confirm.
                        journal.openGoodsOrder(r.nextBoolean() ? "epin" : "esim", "mts", "goods-" + r.nextInt(9));
                    } else if (open == null) {
                        journal.openOrder("topup", JournalTest.NUMBER, "mts", r.nextBoolean() ? null : "pkg");
                    } else {
                        assertThatThrownBy(() -> journal.openOrder("topup", JournalTest.NUMBER, "mts", null))
                                .isInstanceOf(IllegalStateException.class);
                    }
                }
                case 2, 3 -> {
                    Money note = Money.rub(NOTES_RUB[r.nextInt(NOTES_RUB.length)]);
                    boolean repeat = !noteIds.isEmpty() && r.nextInt(5) == 0;
                    String id = repeat ? noteIds.get(r.nextInt(noteIds.size())) : "note-" + notes++;
                    if (open != null) {
                        boolean taken = journal.recordStacked(open, note, id);
                        assertThat(taken).isEqualTo(!repeat);
                        if (taken) {
                            stacked += note.minor();
                            noteIds.add(id);
                        }
                    } else if (!repeat) {
                        journal.recordStackedWithoutOrder(note, id, "power-up");
                        stacked += note.minor();
                        noteIds.add(id);
                    }
                }
                case 4 -> {
                    List<CustomerCredit> credits = journal.openCredits();
                    if (open != null && !credits.isEmpty()) {
                        CustomerCredit credit = credits.get(r.nextInt(credits.size()));
                        journal.applyCredit(open, credit.code());
                        assertThatThrownBy(() -> journal.applyCredit(open, credit.code()))
                                .isInstanceOf(IllegalStateException.class);
                    }
                }
                case 5 -> {
                    Order o = open == null ? null : journal.order(open).orElseThrow();
                    if (o != null && o.isGoods() && o.paid().minor() >= 2) {
                        long change = r.nextInt((int) Math.min(o.paid().minor() / 2, 100_000));
                        long fee = r.nextInt((int) Math.min(o.paid().minor() - change, 10_000));
                        Money amount = Money.rubMinor(o.paid().minor() - change - fee);
                        assertThatThrownBy(() -> journal.submitGoods(open, amount, Money.rubMinor(fee),
                                Money.rubMinor(change + 1), "{}")).isInstanceOf(IllegalStateException.class);
                        SubmittedGoods g = journal.submitGoods(open, amount, Money.rubMinor(fee), Money.rubMinor(change),
                                "{\"txn\":\"" + open + "\"}");
                        assertThat(g.change().isPresent()).isEqualTo(change > 0);
                        pending.add(open);
                    } else if (open != null && !o.isGoods()) {
                        Money paid = o.paid();
                        if (paid.isPositive()) {
                            Money fee = Money.rubMinor(r.nextInt((int) Math.min(paid.minor(), 10_000)));
                            assertThatThrownBy(() -> journal.submit(open, paid, fee.plus(Money.rubMinor(1)), false,
                                    "{}")).isInstanceOf(IllegalStateException.class);
                            journal.submit(open, paid.minus(fee), fee, r.nextBoolean(), "{\"txn\":\"" + open + "\"}");
                            pending.add(open);
                        }
                    }
                }
                case 6 -> {
                    if (open != null) {
                        journal.cancel(open, "timeout");
                    }
                }
                case 7 -> {
                    if (!pending.isEmpty()) {
                        String txn = pending.remove(r.nextInt(pending.size()));
                        String kind = journal.order(txn).orElseThrow().kind();
                        Goods goods = kind.equals("epin") ? GoodsJournalTest.PIN : kind.equals("esim")
                                ? GoodsJournalTest.ESIM : null;
                        if (r.nextBoolean()) {
                            journal.confirm(txn, "ref-" + txn, goods);
                        } else {
                            journal.confirmAll(List.of(new Confirmation(txn, "ref-" + txn, goods)));
                        }
                        assertThatThrownBy(() -> journal.refuse(txn, "late")).isInstanceOf(IllegalStateException.class);
                    }
                }
                case 8 -> {
                    if (!pending.isEmpty()) {
                        String txn = pending.remove(r.nextInt(pending.size()));
                        CustomerCredit credit = journal.refuse(txn, "REFUSED");
                        assertThat(journal.refuse(txn, "REFUSED")).isEqualTo(credit);
                    }
                }
                default -> {
                    List<CustomerCredit> credits = journal.openCredits();
                    if (!credits.isEmpty() && r.nextBoolean()) {
                        journal.refundCredit(credits.get(r.nextInt(credits.size())).code(), "cashier");
                    } else if (open != null) {
                        // a late note report for an order that is no longer open must change nothing
                        assertThatThrownBy(() -> journal.recordStacked(open + "x", Money.rub(10), "ghost"))
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                }
            }
        }
        return stacked;
    }
}
