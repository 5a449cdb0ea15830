package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.VerifyReport.Violation;

/** Edits the file behind the journal's back, the way a thief or a bug would, and expects verify to name it. */
class JournalTamperTest {

    @TempDir
    Path dir;
    Path db;
    Journal journal;
    String txn;
    CustomerCredit credit;

    @BeforeEach
    void fill() {
        db = dir.resolve("journal.db");
        journal = Journal.open(db, "0042", Clock.systemUTC());
        Order refused = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        journal.recordStacked(refused.txnId(), Money.rub(100), "n0");
        journal.submit(refused.txnId(), Money.rub(100), Money.ZERO_RUB, false, JournalTest.PAYLOAD);
        credit = journal.refuse(refused.txnId(), "BLOCKED");
        journal.refundCredit(credit.code(), "paid out");
        Order order = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        txn = order.txnId();
        journal.recordStacked(txn, Money.rub(100), "n1");
        journal.recordStacked(txn, Money.rub(500), "n2");
        journal.submit(txn, Money.rub(600), Money.ZERO_RUB, false, JournalTest.PAYLOAD);
        assertThat(journal.verify().violations()).isEmpty();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cash_events", "customer_credits", "credit_redemptions", "refunds", "audit"})
    void appendOnlyTablesRefuseUpdateAndDelete(String table) throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE " + table + " SET ts = 0".replace("ts",
                    table.equals("customer_credits") ? "issued_at" : "ts")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM " + table))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void editedCashEventIsNamed() throws SQLException {
        sql("DROP TRIGGER cash_events_no_update", "UPDATE cash_events SET amount_minor = 1000 WHERE note_id = 'n2'");
        VerifyReport report = journal.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).startsWith("journal FAILED");
        assertThat(report.violations()).extracting(Violation::check).contains("invariant", "order_cash");
        assertThat(report.violations()).filteredOn(v -> v.check().equals("order_cash"))
                .singleElement().satisfies(v -> {
                    assertThat(v.where()).isEqualTo("txn=" + txn);
                    assertThat(v.detail()).contains("600.00 RUB").contains("110.00 RUB");
                });
    }

    @Test
    void editedOrderCashIsNamed() throws SQLException {
        sql("UPDATE orders SET cash_minor = 50000 WHERE txn_id = '" + txn + "'");
        VerifyReport report = journal.verify();
        assertThat(report.violations()).extracting(Violation::check)
                .contains("invariant", "order_cash", "order_total");
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.toString()).contains(
                v.check().equals("invariant") ? "stacked" : txn));
    }

    @Test
    void editedAuditRowBreaksTheChainAtThatRow() throws SQLException {
        // A row no table is tied to (the life's epoch), so the broken link is the only thing to see.
        long seq = journal.recentAudit(List.of("journal_epoch"), 1).get(0).seq();
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET data = '{\"note\":\"n1\",\"amount_minor\":1}' "
                + "WHERE seq = " + seq);
        VerifyReport report = journal.verify();
        assertThat(report.violations()).filteredOn(v -> !v.check().equals("trigger_missing")).singleElement()
                .satisfies(v -> {
                    assertThat(v.check()).isEqualTo("audit_chain");
                    assertThat(v.where()).isEqualTo("audit seq=" + seq);
                });
    }

    @Test
    void deletedAuditRowIsNoticed() throws SQLException {
        sql("DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 3");
        assertThat(journal.verify().violations()).extracting(Violation::where).contains("audit seq=4");
    }

    @Test
    void pendingOrderWithoutAnOutboxRowIsNamed() throws SQLException {
        sql("UPDATE outbox SET status = 'DONE' WHERE txn_id = '" + txn + "'");
        assertThat(journal.verify().violations()).singleElement().satisfies(v -> {
            assertThat(v.check()).isEqualTo("outbox");
            assertThat(v.where()).isEqualTo("txn=" + txn);
        });
    }

    @Test
    void doubleRedemptionIsNamed() throws SQLException {
        // The UNIQUE constraint cannot be dropped, so rebuild the table without it, as a forger would.
        sql("CREATE TABLE loose AS SELECT * FROM credit_redemptions", "DROP TABLE credit_redemptions",
                "ALTER TABLE loose RENAME TO credit_redemptions",
                "INSERT INTO credit_redemptions (code, txn_id, ts) VALUES ('" + credit.code() + "', NULL, 0)");
        assertThat(journal.verify().violations()).extracting(Violation::check).contains("credit_redeemed_twice");
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }
}
