package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** Numeric transaction ids (V8): made with the order, 19 digits, stable, unique across lives and a restored backup. */
class NumericTxnIdsTest {

    @TempDir
    Path dir;

    private static String open(Journal j) {
        Order o = j.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
        j.cancel(o.txnId(), "test");
        return o.txnId();
    }

    @Test
    void eachOrderGetsOneMadeWithItAndKeepsIt() {
        Path db = dir.resolve("journal.db");
        Set<String> all = new HashSet<>();
        String prefix;
        String first;
        String firstNumeric;
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            first = open(j);
            String n = j.outbox().numericTxnId(first);
            assertThat(n).hasSize(19).matches("[1-8][0-9]{18}");
            assertThat(Long.parseLong(n)).isBetween(1_000_000_000_000_000_000L, 8_999_999_999_999_999_999L);
            prefix = n.substring(0, 13);
            firstNumeric = n;
            assertThat(j.outbox().numericTxnId(first)).isEqualTo(n);
            all.add(n);
            for (int i = 0; i < 20; i++) {
                String id = j.outbox().numericTxnId(open(j));
                assertThat(id).startsWith(prefix);
                all.add(id);
            }
            // Made in the order's own transaction, written into its order_opened audit row.
            assertThat(j.recentAudit(List.of("order_opened"), 30)).allSatisfy(a ->
                    assertThat(a.dataJson()).contains("\"numeric_txn_id\":\""));
            assertThat(j.verify().violations()).isEmpty();
        }
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            // The next life draws its own prefix, as it draws its own epoch; the old ids stay as they were.
            assertThat(j.outbox().numericTxnId(first)).isEqualTo(firstNumeric);
            String next = j.outbox().numericTxnId(open(j));
            assertThat(next).doesNotStartWith(prefix);
            assertThat(all).doesNotContain(next);
        }
    }

    @Test
    void aRestoredBackupNeverHandsOutAnIdItsCopyAlreadyGave() throws Exception {
        Path db = dir.resolve("journal.db");
        Path backup = dir.resolve("backup.db");
        Set<String> seen = new HashSet<>();
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            seen.add(j.outbox().numericTxnId(open(j)));
        }
        // The copy an operator restores later: taken while the kiosk is stopped, as a restore is put in place.
        Files.copy(db, backup);
        Files.createDirectories(Journal.defaultKeyFile(backup).getParent());
        Files.copy(Journal.defaultKeyFile(db), Journal.defaultKeyFile(backup));
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                seen.add(j.outbox().numericTxnId(open(j)));
            }
        }
        try (Journal restored = Journal.open(backup, "0042", Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                assertThat(seen.add(restored.outbox().numericTxnId(open(restored)))).isTrue();
            }
        }
    }

    @Test
    void anOrderWithoutOneGetsItBeforeItsFirstSendWithAnAuditRow() throws Exception {
        Path db = dir.resolve("journal.db");
        String txn;
        String made;
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            Order o = j.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
            txn = o.txnId();
            j.recordStacked(txn, Money.rub(100), "n1");
            j.submit(txn, Money.rub(100), Money.ZERO_RUB, false, "{\"txnId\":\"" + txn + "\"}");
            made = j.outbox().numericTxnId(txn);
        }
        // An order opened before V8 has no row: remove this one the way only a hand with SQL could.
        sql(db, "DROP TRIGGER osmp_txn_ids_no_delete", "DELETE FROM osmp_txn_ids WHERE txn_id = '" + txn + "'",
                "CREATE TRIGGER osmp_txn_ids_no_delete BEFORE DELETE ON osmp_txn_ids\n"
                        + "BEGIN SELECT RAISE(ABORT, 'osmp_txn_ids is append-only'); END");
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            String again = j.outbox().numericTxnId(txn);
            assertThat(again).hasSize(19).isNotEqualTo(made);
            assertThat(j.outbox().numericTxnId(txn)).isEqualTo(again);
            assertThat(j.recentAudit(List.of("numeric_txn_id"), 5)).singleElement()
                    .satisfies(a -> assertThat(a.dataJson()).contains(again));
        }
    }

    @Test
    void theTableIsAppendOnly() throws Exception {
        Path db = dir.resolve("journal.db");
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            open(j);
        }
        assertThatThrownBy(() -> sql(db, "UPDATE osmp_txn_ids SET numeric_id = '1000000000000000000'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(db, "DELETE FROM osmp_txn_prefixes")).hasMessageContaining("append-only");
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
