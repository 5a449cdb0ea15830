package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;

/**
 * V1 to V2 on a journal with money in it: the orders table is rebuilt (msisdn may be NULL for goods) and every row,
 * reference, index and trigger survives; verify passes before and after, and the V2 file takes goods orders.
 */
class JournalMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aV1JournalWithRowsMigratesAndKeepsItsMoneyAndReferences() throws Exception {
        Path db = dir.resolve("journal.db");
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            // A confirmed top-up, a refused one with its credit spent into an open order, a pending one in the outbox.
            st.executeUpdate("INSERT INTO orders (txn_id, kind, operator_id, msisdn, status, amount_minor, cash_minor, "
                    + "currency, created_at, updated_at) VALUES "
                    + "('0042-000001', 'topup', 'mts', '+79161234567', 'CONFIRMED', 50000, 50000, 'RUB', 1, 1), "
                    + "('0042-000002', 'topup', 'mts', '+79161234567', 'REFUSED', 10000, 10000, 'RUB', 2, 2), "
                    + "('0042-000003', 'topup', 'beeline', '+79031234567', 'PENDING', 20000, 20000, 'RUB', 3, 3), "
                    + "('0042-000004', 'topup', 'mts', '+79161234567', 'OPEN', 0, 0, 'RUB', 4, 4)");
            st.executeUpdate("UPDATE orders SET credit_applied_minor = 10000 WHERE txn_id = '0042-000004'");
            st.executeUpdate("INSERT INTO cash_events (kind, amount_minor, currency, note_id, txn_id, ts) VALUES "
                    + "('stacked', 50000, 'RUB', 'n1', '0042-000001', 1), ('stacked', 10000, 'RUB', 'n2', '0042-000002', 2), "
                    + "('stacked', 20000, 'RUB', 'n3', '0042-000003', 3)");
            st.executeUpdate("INSERT INTO customer_credits (code, amount_minor, currency, source_txn, issued_at, reason) "
                    + "VALUES ('123456789012', 10000, 'RUB', '0042-000002', 2, 'refused: x')");
            st.executeUpdate("INSERT INTO credit_redemptions (code, txn_id, ts) VALUES ('123456789012', '0042-000004', 4)");
            st.executeUpdate("INSERT INTO outbox (txn_id, payload, status, next_attempt_at, created_at) VALUES "
                    + "('0042-000003', '{}', 'PENDING', 3, 3), ('0042-000001', '{}', 'DONE', 1, 1)");
            st.executeUpdate("UPDATE counters SET value = 4 WHERE name = 'txn_seq'");
        }
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            // The rows above were put in with SQL and no audit rows, which is what verify now reports; the money holds.
            assertThat(j.verify().violations()).extracting(VerifyReport.Violation::check)
                    .containsOnly("audit_missing", "outbox_payload");
            assertThat(j.ordersByStatus()).hasSize(4);
            assertThat(j.order("0042-000001").orElseThrow().msisdn().e164()).isEqualTo("+79161234567");
            assertThat(j.order("0042-000004").orElseThrow().creditApplied()).isEqualTo(Money.rub(100));
            assertThat(j.findOpenOrder()).map(Order::txnId).contains("0042-000004");
            assertThat(j.outbox().due(java.time.Instant.ofEpochMilli(10), 10)).singleElement()
                    .satisfies(o -> assertThat(o.txnId()).isEqualTo("0042-000003"));
            j.cancel("0042-000004", "test");
            Order goods = j.openGoodsOrder("esim", "mts", "mts-esim-tourist-7d");
            assertThat(goods.txnId()).as("the sequence goes on").isEqualTo("0042-" + j.epoch() + "-000005");
            j.recordStacked(goods.txnId(), Money.rub(500), "n5");
            j.submitGoods(goods.txnId(), Money.rub(500), Money.ZERO_RUB, Money.ZERO_RUB, "{\"a\":1}");
            assertThat(j.verify().violations()).extracting(VerifyReport.Violation::check)
                    .containsOnly("audit_missing", "outbox_payload", "undelivered_credit");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("every reference to orders(txn_id) still resolves").isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE tbl_name = 'orders' "
                    + "AND type = 'index' AND name IN ('orders_by_status', 'orders_one_open')")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(2);
            }
            // The foreign keys are enforced against the new table: a note for an order that does not exist is refused.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("INSERT INTO cash_events (kind, "
                    + "amount_minor, currency, note_id, txn_id, ts) VALUES ('stacked', 100, 'RUB', 'zz', 'nope', 9)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("INSERT INTO orders (txn_id, "
                    + "kind, operator_id, status, currency, created_at, updated_at) VALUES "
                    + "('0042-000099', 'topup', 'mts', 'CANCELLED', 'RUB', 1, 1)"))
                    .as("only goods go without a number").isInstanceOf(SQLException.class);
            try (ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'cash_events'")) {
                rs.next();
                assertThat(rs.getString(1)).contains("REFERENCES orders").doesNotContain("orders_v2");
            }
        }
    }
}
