package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.VerifyReport.Violation;

/** e-PIN and eSIM orders in the journal (schema V2): no number, a change voucher, goods with the confirmation. */
class GoodsJournalTest {

    static final Goods PIN = new Goods("epin", "1234567890123452", "MTS-EPIN-300-000001", null, null,
            LocalDate.of(2027, 11, 21));
    static final Goods ESIM = new Goods("esim", "LPA:1$rsp.carrier-sim.test$AB12-CD34", null,
            Msisdn.of("+79157000001"), "8970101000000000012", null);

    @TempDir
    Path dir;
    Path db;
    Journal journal;

    @BeforeEach
    void open() {
        db = dir.resolve("journal.db");
        journal = Journal.open(db, "0042", Clock.systemUTC());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    /** An e-PIN of 300 with a 6 fee, paid with 350: 44 comes back on a voucher made in the submit transaction. */
    private SubmittedGoods overpaidEPin() {
        Order o = journal.openGoodsOrder("epin", "beeline", "beeline-epin-300");
        assertThat(o.msisdn()).isNull();
        assertThat(o.isGoods()).isTrue();
        journal.recordStacked(o.txnId(), Money.rub(200), o.txnId() + "a");
        journal.recordStacked(o.txnId(), Money.rub(100), o.txnId() + "b");
        journal.recordStacked(o.txnId(), Money.rub(50), o.txnId() + "c");
        SubmittedGoods s = journal.submitGoods(o.txnId(), Money.rub(300), Money.rub(6), Money.rub(44),
                JournalTest.PAYLOAD);
        s.change().ifPresent(c -> JournalTest.handOut(journal, c));
        return s;
    }

    @Test
    void submitMakesTheClaimCodeAndTheChangeVoucherAndTheInvariantHolds() {
        SubmittedGoods s = overpaidEPin();
        String txn = s.claim().txnId();
        assertThat(GoodsClaimCodes.isValid(s.claim().code())).isTrue();
        assertThat(s.change()).hasValueSatisfying(c -> assertThat(c.amount()).isEqualTo(Money.rub(44)));
        assertThat(journal.openCredits()).extracting(CustomerCredit::code).contains(s.change().get().code());
        assertThat(journal.claim(GoodsClaimCodes.pretty(s.claim().code()))).contains(s.claim());
        assertThat(journal.claimOf(txn)).contains(s.claim());
        Order o = journal.order(txn).orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(o.change()).isEqualTo(Money.rub(44));
        assertThat(o.kept()).isEqualTo(Money.rub(306));
        assertThat(journal.verify().violations()).isEmpty();
        assertThat(journal.verify().summary()).contains("journal ok");
    }

    @Test
    void aGoodsOrderIsConfirmedOnlyWithItsGoodsAndKeepsThemInFull() throws SQLException {
        SubmittedGoods s = overpaidEPin();
        String txn = s.claim().txnId();
        assertThatThrownBy(() -> journal.confirm(txn, "R1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without its epin");
        assertThatThrownBy(() -> journal.confirm(txn, "R1", ESIM)).isInstanceOf(IllegalStateException.class);
        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        journal.confirmAll(List.of(new Confirmation(txn, "R1", PIN)));
        journal.confirm(txn, "R1", PIN);
        assertThat(journal.goods(txn)).contains(PIN);
        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(journal.recentAudit(List.of("order_confirmed"), 5)).singleElement()
                .satisfies(a -> assertThat(a.dataJson()).doesNotContain(PIN.secret()).contains("3452"));
        assertThat(journal.verify().violations()).isEmpty();
        assertThatThrownBy(() -> sql("DELETE FROM goods_claims")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("UPDATE issued_goods SET secret = 'x'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM issued_goods")).hasMessageContaining("append-only");
    }

    @Test
    void aRefusedEPinOwesWhatTheOrderKeptTheChangeVoucherStays() {
        SubmittedGoods s = overpaidEPin();
        String txn = s.claim().txnId();
        CustomerCredit refund = JournalTest.handOut(journal, journal.refuse(txn, "out-of-stock"));
        assertThat(refund.amount()).isEqualTo(Money.rub(306));
        assertThat(journal.refuse(txn, "out-of-stock")).as("a repeat").isEqualTo(refund);
        assertThat(journal.openCredits()).extracting(CustomerCredit::amount)
                .containsExactlyInAnyOrder(Money.rub(44), Money.rub(306));
        assertThat(journal.verify().violations()).isEmpty();
    }

    @Test
    void anESimWithoutChangeAndAWrongTotalIsRefused() {
        Order o = journal.openGoodsOrder("esim", "mts", "mts-esim-tourist-7d");
        journal.recordStacked(o.txnId(), Money.rub(500), "e1");
        assertThatThrownBy(() -> journal.submitGoods(o.txnId(), Money.rub(500), Money.rub(1), Money.ZERO_RUB,
                JournalTest.PAYLOAD)).isInstanceOf(IllegalStateException.class).hasMessageContaining("paid");
        journal.submitGoods(o.txnId(), Money.rub(500), Money.ZERO_RUB, Money.ZERO_RUB, JournalTest.PAYLOAD);
        journal.confirm(o.txnId(), "R", ESIM);
        assertThat(journal.goods(o.txnId())).contains(ESIM);
        assertThat(journal.verify().violations()).isEmpty();
        assertThatThrownBy(() -> journal.openGoodsOrder("topup", "mts", "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> journal.openOrder("epin", JournalTest.NUMBER, "mts", "mts-epin-100"))
                .isInstanceOf(IllegalArgumentException.class);
        Order topup = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        journal.recordStacked(topup.txnId(), Money.rub(100), "t1");
        assertThatThrownBy(() -> journal.submitGoods(topup.txnId(), Money.rub(100), Money.ZERO_RUB, Money.ZERO_RUB,
                JournalTest.PAYLOAD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verifyNamesGoodsRowsEditedBehindItsBack() throws SQLException {
        SubmittedGoods s = overpaidEPin();
        String txn = s.claim().txnId();
        sql("UPDATE orders SET status = 'CONFIRMED' WHERE txn_id = '" + txn + "'",
                "UPDATE outbox SET status = 'DONE' WHERE txn_id = '" + txn + "'");
        assertThat(kinds()).contains("goods_missing");
        sql("UPDATE orders SET change_minor = 100 WHERE txn_id = '" + txn + "'");
        assertThat(kinds()).contains("order_change", "order_total", "invariant");
        assertThatThrownBy(() -> sql("UPDATE orders SET kind = 'topup' WHERE txn_id = '" + txn + "'"))
                .as("a top-up without a number").isInstanceOf(SQLException.class).hasMessageContaining("CHECK");
    }

    @Test
    void aCreditWithNoOrderNoteOrChangeIsNamed() throws SQLException {
        overpaidEPin();
        sql("UPDATE orders SET change_minor = 0, change_credit = NULL");
        assertThat(kinds()).contains("credit_without_source");
    }

    private List<String> kinds() {
        return journal.verify().violations().stream().map(Violation::check).toList();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }
}
