package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.SettableClock;

/** A number's recent payments, read from a real SQLite journal: orders, scratch cards, auto top-ups, receipts, credits. */
class NumberHistoryTest {

    static final Msisdn NUMBER = Msisdn.of("+79161234567");
    static final Msisdn OTHER = Msisdn.of("+79261234567");

    @TempDir
    Path dir;
    final SettableClock clock = SettableClock.at(Instant.parse("2026-11-01T10:00:00Z"));
    Journal journal;

    @BeforeEach
    void open() {
        journal = Journal.open(dir.resolve("journal.db"), "0042", clock);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private String paid(Msisdn m, long rub, boolean confirm) {
        clock.advance(Duration.ofSeconds(60));
        Order o = journal.openOrder("topup", m, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(rub), "n-" + o.txnId());
        journal.submit(o.txnId(), Money.rub(rub), Money.ZERO_RUB, false, "{}");
        if (confirm) {
            journal.confirm(o.txnId(), "ref-" + o.txnId());
        }
        journal.storeReceipt(o.txnId() + "-payment", o.txnId(), "payment", "#receipt v1 columns=42\nA paid\n");
        return o.txnId();
    }

    private List<HistoryEntry> history() {
        return journal.historyOf(NUMBER, clock.instant().minus(Duration.ofDays(90)), 50);
    }

    @Test
    void ordersScratchCardsAndAutoTopUpsOfTheNumberNewestFirstWithTheirOutcomes() {
        String confirmed = paid(NUMBER, 500, true);
        String pending = paid(NUMBER, 300, false);
        paid(OTHER, 100, true);

        clock.advance(Duration.ofSeconds(60));
        journal.audit("voucher_redeem_sent", "0042-V1", "{\"serial\":\"MTS-500-000001\",\"nominalMinor\":50000,"
                + "\"currency\":\"RUB\",\"operatorId\":\"mts\",\"msisdn\":\"+79161234567\"}");
        journal.audit("voucher_redeemed", "0042-V1", "{\"status\":\"REDEEMED\"}");
        journal.storeReceipt("0042-V1-voucher", "0042-V1", "voucher", "#receipt v1 columns=42\nA card\n");
        clock.advance(Duration.ofSeconds(60));
        journal.audit("autotopup_sent", "0042-A1", "{\"msisdn\":\"+79161234567\",\"thresholdMinor\":5000,"
                + "\"amountMinor\":30000,\"currency\":\"RUB\"}");
        journal.audit("autotopup_outcome_unknown", "0042-A1", "{\"reason\":\"timeout\"}");
        journal.audit("autotopup_sent", "0042-A1", "{\"msisdn\":\"+79161234567\",\"thresholdMinor\":5000,"
                + "\"amountMinor\":30000,\"currency\":\"RUB\"}");
        journal.audit("autotopup_active", "0042-A1", "{\"ruleId\":\"AT1\"}");
        clock.advance(Duration.ofSeconds(60));
        journal.audit("voucher_redeem_sent", "0042-V2", "{\"nominalMinor\":20000,\"currency\":\"RUB\","
                + "\"msisdn\":\"+79261234567\"}");

        List<HistoryEntry> h = history();
        assertThat(h).extracting(HistoryEntry::id).containsExactly("0042-A1", "0042-V1", pending, confirmed);
        HistoryEntry auto = h.get(0);
        assertThat(auto.kind()).isEqualTo(HistoryEntry.AUTO_TOPUP);
        assertThat(auto.state()).as("the newest outcome wins").isEqualTo(HistoryEntry.State.CONFIRMED);
        assertThat(auto.amount()).isEqualTo(Money.rub(300));
        assertThat(auto.threshold()).isEqualTo(Money.rub(50));
        HistoryEntry card = h.get(1);
        assertThat(card.kind()).isEqualTo(HistoryEntry.SCRATCH_CARD);
        assertThat(card.amount()).isEqualTo(Money.rub(500));
        assertThat(card.operatorId()).isEqualTo("mts");
        assertThat(card.receipts()).containsExactly(new HistoryEntry.ReceiptRef("0042-V1-voucher", "voucher"));
        assertThat(h.get(2).state()).isEqualTo(HistoryEntry.State.PENDING);
        assertThat(h.get(3).state()).isEqualTo(HistoryEntry.State.CONFIRMED);
        assertThat(h.get(3).amount()).isEqualTo(Money.rub(500));
        assertThat(h.get(3).receipts()).extracting(HistoryEntry.ReceiptRef::kind).containsExactly("payment");
        assertThat(journal.historyOf(OTHER, clock.instant().minus(Duration.ofDays(90)), 50)).hasSize(2);
    }

    @Test
    void requestsWhoseAuditRowHasOnlyTheMaskedNumberAreFoundThroughServiceNumbers() {
        clock.advance(Duration.ofSeconds(60));
        journal.auditForNumber("voucher_redeem_sent", "0042-V7", NUMBER, "{\"nominalMinor\":50000,"
                + "\"currency\":\"RUB\",\"operatorId\":\"mts\",\"number\":\"" + NUMBER.masked() + "\"}");
        journal.audit("voucher_redeemed", "0042-V7", "{\"status\":\"REDEEMED\"}");
        clock.advance(Duration.ofSeconds(60));
        journal.auditForNumber("autotopup_sent", "0042-A7", OTHER, "{\"number\":\"" + OTHER.masked()
                + "\",\"thresholdMinor\":5000,\"amountMinor\":30000,\"currency\":\"RUB\"}");
        clock.advance(Duration.ofSeconds(60));
        // A retry under the same id: a second audit row, the number is already kept.
        journal.auditForNumber("autotopup_sent", "0042-A7", OTHER, "{\"number\":\"" + OTHER.masked()
                + "\",\"thresholdMinor\":5000,\"amountMinor\":30000,\"currency\":\"RUB\"}");

        assertThat(history()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("0042-V7");
            assertThat(e.state()).isEqualTo(HistoryEntry.State.CONFIRMED);
            assertThat(e.amount()).isEqualTo(Money.rub(500));
        });
        assertThat(journal.historyOf(OTHER, clock.instant().minus(Duration.ofDays(90)), 50)).extracting(HistoryEntry::id)
                .containsExactly("0042-A7");
        assertThat(journal.recentAudit(List.of("voucher_redeem_sent", "autotopup_sent"), 10))
                .extracting(AuditEntry::dataJson).noneMatch(d -> d.contains("9161234567") || d.contains("9261234567"));
    }

    @Test
    void cancelledAndRefusedOrdersShowTheirCreditVoucherAndWhetherItIsStillOpen() {
        clock.advance(Duration.ofSeconds(60));
        Order cancelled = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(cancelled.txnId(), Money.rub(200), "c1");
        CustomerCredit credit = journal.cancel(cancelled.txnId(), "customer-cancel").orElseThrow();
        journal.storeReceipt("credit-" + credit.code(), cancelled.txnId(), "credit", "#receipt v1 columns=42\nA c\n");
        journal.markReceiptPrinted("credit-" + credit.code());
        clock.advance(Duration.ofSeconds(60));
        Order nothing = journal.openOrder("topup", NUMBER, "mts", null);
        journal.cancel(nothing.txnId(), "back-before-cash");
        clock.advance(Duration.ofSeconds(60));
        String refused = paid(NUMBER, 100, false);
        CustomerCredit refusedCredit = journal.refuse(refused, "account-blocked");
        clock.advance(Duration.ofSeconds(60));
        Order spender = journal.openOrder("package", OTHER, "mts", "mts-data-1g-day");
        journal.applyCredit(spender.txnId(), refusedCredit.code());
        journal.submit(spender.txnId(), Money.rub(100), Money.ZERO_RUB, false, "{}");
        clock.advance(Duration.ofSeconds(60));
        journal.openOrder("topup", NUMBER, "mts", null);

        List<HistoryEntry> h = history();
        assertThat(h).as("neither the open order nor one cancelled before any cash")
                .extracting(HistoryEntry::id).containsExactly(refused, cancelled.txnId());
        assertThat(h.get(0).state()).isEqualTo(HistoryEntry.State.REFUSED);
        assertThat(h.get(0).credit().status()).isEqualTo(HistoryEntry.Credit.Status.SPENT);
        assertThat(h.get(1).state()).isEqualTo(HistoryEntry.State.CANCELLED);
        assertThat(h.get(1).amount()).isEqualTo(Money.rub(200));
        assertThat(h.get(1).credit().status()).isEqualTo(HistoryEntry.Credit.Status.OPEN);
        assertThat(h.get(1).credit().lastDigits()).hasSize(4).isEqualTo(credit.code().replaceAll("\\D", "")
                .substring(credit.code().replaceAll("\\D", "").length() - 4));
        assertThat(h.get(1).receipts()).containsExactly(new HistoryEntry.ReceiptRef("credit-" + credit.code(), "credit"));
        assertThat(journal.verify().violations()).isEmpty();
    }

    @Test
    void onlyTheRecentWindowAndTheLimitAreRead() {
        String old = paid(NUMBER, 100, true);
        clock.advance(Duration.ofDays(100));
        String recent1 = paid(NUMBER, 200, true);
        String recent2 = paid(NUMBER, 300, true);
        String recent3 = paid(NUMBER, 400, true);
        assertThat(history()).extracting(HistoryEntry::id).containsExactly(recent3, recent2, recent1).doesNotContain(old);
        assertThat(journal.historyOf(NUMBER, clock.instant().minus(Duration.ofDays(90)), 2)).extracting(HistoryEntry::id)
                .containsExactly(recent3, recent2);
        assertThat(journal.historyOf(NUMBER, Instant.EPOCH, 10)).hasSize(4);
        assertThat(journal.historyOf(Msisdn.of("+79031234567"), Instant.EPOCH, 10)).isEmpty();
        assertThatThrownBy(() -> journal.historyOf(NUMBER, Instant.EPOCH, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
