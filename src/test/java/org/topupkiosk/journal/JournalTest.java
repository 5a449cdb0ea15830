package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

class JournalTest {

    static final Msisdn NUMBER = Msisdn.of("+7 916 123-45-67");
    static final String PAYLOAD = "{\"txn\":\"x\"}";

    /** The customer gets the credit on paper: its voucher stored and printed, as the flow's receipt desk does. */
    static CustomerCredit handOut(Journal journal, CustomerCredit credit) {
        journal.storeReceipt("credit-" + credit.code(), credit.sourceTxn(), "credit", "voucher " + credit.code());
        journal.markReceiptPrinted("credit-" + credit.code());
        return credit;
    }

    @TempDir
    Path dir;
    Path db;
    Journal journal;

    @BeforeEach
    void open() {
        db = dir.resolve("var/journal.db");
        journal = Journal.open(db, "0042", Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void fullLifecycleFromCashToConfirmation() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        assertThat(order.txnId()).isEqualTo("0042-" + journal.epoch() + "-000001");
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.cash()).isEqualTo(Money.ZERO_RUB);

        assertThat(journal.recordStacked(order.txnId(), Money.rub(100), "n1")).isTrue();
        assertThat(journal.recordStacked(order.txnId(), Money.rub(500), "n2")).isTrue();
        assertThat(journal.order(order.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(600));

        journal.submit(order.txnId(), Money.rub(570), Money.rub(30), false, PAYLOAD);
        Order pending = journal.order(order.txnId()).orElseThrow();
        assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(pending.amount()).isEqualTo(Money.rub(570));
        assertThat(pending.fee()).isEqualTo(Money.rub(30));
        List<OutboxItem> due = journal.outbox().due(Instant.parse("2025-03-01T10:00:00Z"), 10);
        assertThat(due).extracting(OutboxItem::txnId).containsExactly(order.txnId());
        assertThat(due.get(0).payloadJson()).isEqualTo(PAYLOAD);

        journal.confirm(order.txnId(), "carrier-77");
        journal.confirm(order.txnId(), "carrier-77");
        Order confirmed = journal.order(order.txnId()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.carrierRef()).isEqualTo("carrier-77");
        assertThat(journal.outbox().due(Instant.parse("2030-01-01T00:00:00Z"), 10)).isEmpty();
        assertThat(journal.outbox().status().pendingCount()).isZero();

        VerifyReport report = journal.verify();
        assertThat(report.violations()).isEmpty();
        assertThat(report.summary()).startsWith("journal ok orders=1 stacked=600.00 RUB credits_open=0.00 RUB");
    }

    @Test
    void repeatedNoteIdIsAHarmlessNoOp() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        assertThat(journal.recordStacked(order.txnId(), Money.rub(100), "note-1")).isTrue();
        assertThat(journal.recordStacked(order.txnId(), Money.rub(100), "note-1")).isFalse();
        assertThat(journal.order(order.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(100));
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void cashOnlyForOpenOrders() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(order.txnId(), Money.rub(100), "n1");
        journal.submit(order.txnId(), Money.rub(100), Money.ZERO_RUB, false, PAYLOAD);
        assertThatThrownBy(() -> journal.recordStacked(order.txnId(), Money.rub(50), "n2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PENDING");
        assertThat(journal.order(order.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(100));
    }

    @Test
    void submitRefusesUnaccountedMoneyNamingBothSides() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(order.txnId(), Money.rub(100), "n1");
        assertThatThrownBy(() -> journal.submit(order.txnId(), Money.rub(90), Money.rub(5), false, PAYLOAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("95.00 RUB").hasMessageContaining("100.00 RUB");
        assertThat(journal.order(order.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(journal.outbox().status().pendingCount()).isZero();
    }

    @Test
    void cancelIssuesACreditThatPaysForTheNextOrder() {
        Order first = journal.openOrder("topup", NUMBER, "beeline", null);
        journal.recordStacked(first.txnId(), Money.rub(200), "n1");
        CustomerCredit credit = journal.cancel(first.txnId(), "customer left").orElseThrow();
        assertThat(credit.amount()).isEqualTo(Money.rub(200));
        assertThat(CreditCodes.isValid(credit.code())).isTrue();
        assertThat(journal.cancel(first.txnId(), "again")).contains(credit);
        assertThat(journal.openCredits()).containsExactly(credit);

        Order second = journal.openOrder("topup", NUMBER, "beeline", null);
        assertThat(second.txnId()).isEqualTo("0042-" + journal.epoch() + "-000002");
        journal.applyCredit(second.txnId(), CreditCodes.pretty(credit.code()));
        journal.recordStacked(second.txnId(), Money.rub(50), "n2");
        assertThatThrownBy(() -> journal.applyCredit(second.txnId(), credit.code()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already redeemed");
        Order paid = journal.order(second.txnId()).orElseThrow();
        assertThat(paid.creditApplied()).isEqualTo(Money.rub(200));
        assertThat(paid.paid()).isEqualTo(Money.rub(250));
        journal.submit(second.txnId(), Money.rub(250), Money.ZERO_RUB, false, PAYLOAD);
        assertThat(journal.openCredits()).isEmpty();
        assertThat(journal.verify().violations()).isEmpty();
    }

    @Test
    void cancelWithoutMoneyIssuesNoCredit() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        assertThat(journal.cancel(order.txnId(), "timeout")).isEmpty();
        assertThat(journal.order(order.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(journal.openOrder("topup", NUMBER, "mts", null).txnId()).isEqualTo("0042-" + journal.epoch() + "-000002");
    }

    @Test
    void badCreditCodesAreRefusedClearly() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        assertThatThrownBy(() -> journal.applyCredit(order.txnId(), "12345"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit");
        String unknown = new CreditCodes().next();
        assertThatThrownBy(() -> journal.applyCredit(order.txnId(), unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no credit");
    }

    @Test
    void onlyOneOpenOrderAtATime() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        assertThatThrownBy(() -> journal.openOrder("topup", NUMBER, "mts", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(order.txnId());
        assertThat(journal.findOpenOrder()).map(Order::txnId).contains(order.txnId());
    }

    @Test
    void refusalIssuesACreditOnceAndClosesTheOutboxRow() {
        Order order = journal.openOrder("topup", NUMBER, "megafon", "pkg-5gb");
        journal.recordStacked(order.txnId(), Money.rub(300), "n1");
        journal.submit(order.txnId(), Money.rub(300), Money.ZERO_RUB, true, PAYLOAD);
        CustomerCredit credit = journal.refuse(order.txnId(), "ACCOUNT_BLOCKED");
        assertThat(credit.amount()).isEqualTo(Money.rub(300));
        assertThat(credit.sourceTxn()).isEqualTo(order.txnId());
        assertThat(journal.refuse(order.txnId(), "ACCOUNT_BLOCKED")).isEqualTo(credit);
        Order refused = journal.order(order.txnId()).orElseThrow();
        assertThat(refused.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(refused.refusalCode()).isEqualTo("ACCOUNT_BLOCKED");
        assertThat(refused.offline()).isTrue();
        assertThat(refused.productId()).isEqualTo("pkg-5gb");
        assertThat(journal.outbox().status().pendingCount()).isZero();
        assertThatThrownBy(() -> journal.confirm(order.txnId(), "late")).isInstanceOf(IllegalStateException.class);

        assertThat(journal.refundCredit(credit.code(), "cashier paid out")).isEqualTo(Money.rub(300));
        assertThat(journal.openCredits()).isEmpty();
        VerifyReport report = journal.verify();
        assertThat(report.violations()).isEmpty();
        assertThat(report.summary()).contains("refunds=300.00 RUB");
    }

    @Test
    void noteInTheStackerAtPowerUpBecomesACredit() {
        CustomerCredit credit = handOut(journal, journal.recordStackedWithoutOrder(Money.rub(1000), "pu-1",
                "bill in stacker at power-up"));
        assertThat(credit.amount()).isEqualTo(Money.rub(1000));
        assertThat(credit.sourceTxn()).isNull();
        assertThat(journal.recordStackedWithoutOrder(Money.rub(1000), "pu-1", "again")).isEqualTo(credit);
        assertThat(journal.verify().summary()).contains("credits_open=1000.00 RUB");
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void outboxRetriesAreCountedAndReported() {
        Order order = journal.openOrder("topup", NUMBER, "t2", null);
        journal.recordStacked(order.txnId(), Money.rub(100), "n1");
        journal.submit(order.txnId(), Money.rub(100), Money.ZERO_RUB, false, PAYLOAD);
        Instant later = Instant.parse("2025-03-01T10:05:00Z");
        journal.outbox().scheduleRetry(order.txnId(), later, "timeout after 20 s");
        assertThat(journal.outbox().due(Instant.parse("2025-03-01T10:01:00Z"), 10)).isEmpty();
        OutboxItem item = journal.outbox().due(later, 10).get(0);
        assertThat(item.attempts()).isEqualTo(1);
        assertThat(item.lastError()).isEqualTo("timeout after 20 s");
        OutboxStatus status = journal.outbox().status();
        assertThat(status.pendingCount()).isEqualTo(1);
        assertThat(status.maxAttempts()).isEqualTo(1);
        assertThat(status.lastError()).isEqualTo("timeout after 20 s");
        assertThat(status.oldestPendingAge()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> journal.outbox().scheduleRetry("0042-999999", later, "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void receiptsWaitUntilPrinted() {
        Order order = journal.openOrder("topup", NUMBER, "mts", null);
        journal.storeReceipt("r-1", order.txnId(), "sale", "ЧЕК\nИтого 100 ₽");
        journal.storeReceipt("r-1", order.txnId(), "sale", "ЧЕК\nИтого 100 ₽");
        assertThatThrownBy(() -> journal.storeReceipt("r-1", order.txnId(), "sale", "other"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(journal.unprintedReceipts()).extracting(StoredReceipt::receiptId).containsExactly("r-1");
        journal.markReceiptPrinted("r-1");
        journal.markReceiptPrinted("r-1");
        assertThat(journal.unprintedReceipts()).isEmpty();
        StoredReceipt r = journal.receipt("r-1").orElseThrow();
        assertThat(r.printed()).isTrue();
        assertThat(r.printedAt()).isNotNull();
        assertThat(r.body()).isEqualTo("ЧЕК\nИтого 100 ₽");
        assertThat(journal.order(order.txnId()).orElseThrow().receiptPrinted()).isTrue();
    }

    @Test
    void batchConfirmIsOneTransaction() {
        List<Confirmation> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Order order = journal.openOrder("topup", NUMBER, "mts", null);
            journal.recordStacked(order.txnId(), Money.rub(100), "n" + i);
            journal.submit(order.txnId(), Money.rub(100), Money.ZERO_RUB, false, PAYLOAD);
            batch.add(new Confirmation(order.txnId(), "ref-" + i));
        }
        assertThat(journal.confirmAll(batch.subList(0, 10))).isEqualTo(10);
        assertThat(journal.confirmAll(batch)).isEqualTo(40);
        assertThat(journal.ordersByStatus(OrderStatus.CONFIRMED)).hasSize(50);
        assertThat(journal.outbox().status().pendingCount()).isZero();

        Order late = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(late.txnId(), Money.rub(100), "late");
        journal.submit(late.txnId(), Money.rub(100), Money.ZERO_RUB, false, PAYLOAD);
        Order open = journal.openOrder("topup", NUMBER, "mts", null);
        assertThatThrownBy(() -> journal.confirmAll(List.of(new Confirmation(late.txnId(), "y"),
                new Confirmation(open.txnId(), "x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(open.txnId());
        // the whole batch rolled back, including the order that could be confirmed
        assertThat(journal.order(late.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(journal.outbox().status().pendingCount()).isEqualTo(1);
        assertThat(journal.verify().violations()).isEmpty();
    }

    @Test
    void reopeningTheFileKeepsEverything() {
        Order done = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(done.txnId(), Money.rub(100), "n1");
        journal.submit(done.txnId(), Money.rub(100), Money.ZERO_RUB, false, PAYLOAD);
        journal.storeReceipt("r-1", done.txnId(), "sale", "body");
        Order open = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(open.txnId(), Money.rub(50), "n2");
        journal.audit("door_opened", null, "{\"door\":\"service\"}");
        journal.close();

        journal = Journal.open(db, "0042", Clock.systemUTC());
        assertThat(journal.findOpenOrder()).map(Order::cash).contains(Money.rub(50));
        assertThat(journal.outbox().due(Instant.now(), 10)).extracting(OutboxItem::txnId).containsExactly(done.txnId());
        assertThat(journal.unprintedReceipts()).extracting(StoredReceipt::receiptId).containsExactly("r-1");
        assertThat(journal.recordStacked(open.txnId(), Money.rub(50), "n2")).isFalse();
        handOut(journal, journal.cancel(open.txnId(), "restart").orElseThrow());
        assertThat(journal.openOrder("topup", NUMBER, "mts", null).txnId())
                .as("the sequence goes on, under the new life's epoch").isEqualTo("0042-" + journal.epoch() + "-000003");
        VerifyReport report = journal.verify();
        assertThat(report.violations()).isEmpty();
        assertThat(report.summary()).contains("orders=3");
    }

    @Test
    void auditRejectsBadKindsAndJson() {
        assertThatThrownBy(() -> journal.audit("Door Opened", null, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.audit("door_opened", null, "{not json"))
                .isInstanceOf(IllegalArgumentException.class);
        journal.audit("service_login", null, null);
        assertThat(journal.verify().summary()).endsWith("audit=1");
        assertThat(Optional.empty()).isEmpty();
    }
}
