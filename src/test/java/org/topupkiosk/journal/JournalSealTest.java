package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * One test per way of altering a journal with sqlite3 that the plain-SHA verify missed: the journal is made by the real
 * code, then edited with plain JDBC as an attacker who has the file but not the audit key would, and verify must fail
 * naming the table and row.
 */
class JournalSealTest {

    @TempDir
    Path dir;
    Path db;
    Journal journal;
    String refusedTxn;
    String cancelledTxn;
    String pendingTxn;
    CustomerCredit cancelCredit;

    @BeforeEach
    void fill() {
        db = dir.resolve("journal.db");
        journal = Journal.open(db, "0042", Clock.systemUTC());
        Order refused = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        refusedTxn = refused.txnId();
        journal.recordStacked(refusedTxn, Money.rub(100), "n0");
        journal.submit(refusedTxn, Money.rub(100), Money.ZERO_RUB, false, payload(refusedTxn, 10000));
        journal.refundCredit(journal.refuse(refusedTxn, "BLOCKED").code(), "paid out");
        Order cancelled = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        cancelledTxn = cancelled.txnId();
        journal.recordStacked(cancelledTxn, Money.rub(50), "c1");
        cancelCredit = JournalTest.handOut(journal, journal.cancel(cancelledTxn, "customer").orElseThrow());
        Order pending = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        pendingTxn = pending.txnId();
        journal.recordStacked(pendingTxn, Money.rub(100), "n1");
        journal.recordStacked(pendingTxn, Money.rub(500), "n2");
        journal.submit(pendingTxn, Money.rub(600), Money.ZERO_RUB, false, payload(pendingTxn, 60000));
        journal.storeReceipt("pay-" + pendingTxn, pendingTxn, "payment", "#receipt v1 columns=42\nA 600.00 RUB\n");
        journal.markReceiptPrinted("pay-" + pendingTxn);
        assertThat(journal.verify().violations()).isEmpty();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    static String payload(String txn, long amountMinor) {
        return "{\"txnId\":\"" + txn + "\",\"msisdn\":\"" + JournalTest.NUMBER.e164() + "\",\"operatorId\":\"mts\","
                + "\"amountMinor\":" + amountMinor + ",\"currency\":\"RUB\",\"createdAt\":\"2026-12-06T10:00:00Z\"}";
    }

    @Test
    void aMintedCreditIsNamedByTableAndRow() throws SQLException {
        // The repro: a 5,000 RUB note and its credit, inserted with sqlite3 and no audit row.
        sql("INSERT INTO cash_events (kind, amount_minor, currency, note_id, txn_id, ts) "
                + "VALUES ('stacked', 500000, 'RUB', 'mint-1', NULL, 1)",
                "INSERT INTO customer_credits (code, amount_minor, currency, source_note_id, issued_at, reason) "
                + "VALUES ('400000000017', 500000, 'RUB', 'mint-1', 1, 'power-up')");
        VerifyReport report = journal.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.violations()).filteredOn(v -> v.check().equals("audit_missing"))
                .extracting(Violation::where).containsExactlyInAnyOrder("cash_events id=" + rowId("cash_events",
                        "note_id = 'mint-1'"), "customer_credits id=" + rowId("customer_credits",
                        "source_note_id = 'mint-1'"));
        assertThat(report.violations()).extracting(Violation::check).contains("undelivered_credit");
    }

    @Test
    void aConsistentDeletionAcrossTablesBreaksTheKeyedChain() throws SQLException {
        // Every trace of the cancelled order removed, the chain renumbered and rehashed as plain SHA-256 (which is all
        // the old verify checked), the triggers put back: nothing in the file is inconsistent except the keyed hashes.
        sql(dropTriggers());
        sql("DELETE FROM credit_redemptions WHERE code = '" + cancelCredit.code() + "'",
                "DELETE FROM receipts WHERE receipt_id = 'credit-" + cancelCredit.code() + "'",
                "DELETE FROM customer_credits WHERE source_txn = '" + cancelledTxn + "'",
                "DELETE FROM cash_events WHERE txn_id = '" + cancelledTxn + "'",
                "DELETE FROM orders WHERE txn_id = '" + cancelledTxn + "'",
                "DELETE FROM audit WHERE txn_id = '" + cancelledTxn + "'");
        rechain(null);
        sql(createTriggers());
        VerifyReport report = journal.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.violations()).extracting(Violation::check).contains("audit_chain");
        assertThat(report.violations()).filteredOn(v -> v.check().equals("audit_chain")).first()
                .satisfies(v -> assertThat(v.where()).isEqualTo("audit seq=1"));
    }

    @Test
    void aTruncatedTailShowsAgainstTheHeadFileAndAgainstPaper() throws Exception {
        AuditHead paper = journal.auditHead(); // as printed on the Z or encashment report
        long keep = paper.count() - 3;
        sql("DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq > " + keep,
                "DROP TRIGGER cash_events_no_delete", "DELETE FROM cash_events WHERE txn_id = '" + pendingTxn + "'");
        sql(createTriggers());
        VerifyReport report = journal.verify();
        assertThat(report.violations()).filteredOn(v -> v.check().equals("audit_truncated")).singleElement()
                .satisfies(v -> {
                    assertThat(v.where()).isEqualTo("audit seq=" + (keep + 1) + ".." + paper.count());
                    assertThat(v.detail()).contains("head file");
                });
        // An attacker who also removes the head file beside the key is still caught by the head on paper.
        Files.delete(HeadFile.besideKey(Journal.defaultKeyFile(db)));
        VerifyReport againstPaper = journal.verify(AuditHead.parse(paper.printed()));
        assertThat(againstPaper.violations()).filteredOn(v -> v.check().equals("audit_truncated")).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("paper"));
        assertThat(againstPaper.violations()).extracting(Violation::check).contains("audit_head");
    }

    @Test
    void aChainRewrittenWithPlainShaOrAnotherKeyIsNamed() throws Exception {
        sql("DROP TRIGGER cash_events_no_update", "UPDATE cash_events SET amount_minor = 5000 WHERE note_id = 'n1'",
                "UPDATE orders SET cash_minor = 55000 WHERE txn_id = '" + pendingTxn + "'");
        rechain(null);
        VerifyReport plain = journal.verify();
        assertThat(plain.violations()).filteredOn(v -> v.check().equals("audit_chain"))
                .extracting(Violation::where).contains("audit seq=1");
        // The same with a key of the attacker's own: the kiosk's key does not verify it either.
        AuditKey other = AuditKey.create(dir.resolve("other/journal.db.key"), 1);
        rechain(other);
        assertThat(journal.verify().violations()).filteredOn(v -> v.check().equals("audit_chain"))
                .extracting(Violation::detail).first().asString().contains("audit key");
    }

    @Test
    void anEditedOutboxPayloadIsNamed() throws SQLException {
        sql("UPDATE outbox SET payload = replace(payload, '" + JournalTest.NUMBER.e164() + "', '+79990000000') "
                + "WHERE txn_id = '" + pendingTxn + "'");
        List<Violation> v = journal.verify().violations();
        assertThat(v).extracting(Violation::check).containsOnly("outbox_payload");
        assertThat(v).extracting(Violation::where).containsOnly("outbox txn=" + pendingTxn);
        assertThat(v).extracting(Violation::detail).anySatisfy(d -> assertThat(d).contains("digest"))
                .anySatisfy(d -> assertThat(d).contains("msisdn"));
    }

    @Test
    void anEditedReceiptBodyIsNamed() throws SQLException {
        sql("UPDATE receipts SET body = replace(body, '600.00', '6000.00') WHERE receipt_id = 'pay-" + pendingTxn + "'");
        assertThat(journal.verify().violations()).singleElement().satisfies(v -> {
            assertThat(v.check()).isEqualTo("receipt_body");
            assertThat(v.where()).isEqualTo("receipts receipt_id=pay-" + pendingTxn);
        });
    }

    @Test
    void aDroppedOrWeakenedTriggerIsNamed() throws SQLException {
        sql("DROP TRIGGER refunds_no_delete", "DROP TRIGGER audit_no_update",
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 "
                + "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END");
        List<Violation> v = journal.verify().violations();
        assertThat(v).extracting(Violation::toString).containsExactlyInAnyOrder(
                "trigger_missing trigger refunds_no_delete on refunds: dropped: refunds can be edited or deleted "
                        + "without an error",
                v.stream().filter(x -> x.check().equals("trigger_changed")).findFirst().orElseThrow().toString());
        assertThat(v).filteredOn(x -> x.check().equals("trigger_changed")).singleElement()
                .satisfies(x -> assertThat(x.where()).isEqualTo("trigger audit_no_update on audit"));
    }

    @Test
    void anOpenCreditNobodyPrintedIsUndeliveredUntilItIsPrinted() {
        Order o = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(10), "u1");
        CustomerCredit credit = journal.cancel(o.txnId(), "door").orElseThrow();
        assertThat(journal.verify().violations()).singleElement().satisfies(v -> {
            assertThat(v.check()).isEqualTo("undelivered_credit");
            assertThat(v.detail()).contains("never got it on paper").doesNotContain(credit.code());
        });
        journal.storeReceipt("credit-" + credit.code(), o.txnId(), "credit", "voucher");
        assertThat(journal.verify().violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("never printed"));
        journal.markReceiptPrinted("credit-" + credit.code());
        assertThat(journal.verify().ok()).as("printed later is fine").isTrue();
    }

    @Test
    void theKeyIsOwnerOnlyOutsideTheJournalAndWithoutItVerifyFailsAndNothingIsWritten() throws Exception {
        Path key = Journal.defaultKeyFile(db);
        assertThat(key).isEqualTo(dir.resolve("keys/journal.db.key")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
                .isEqualTo("rwx------");
        journal.close();
        Files.move(key, dir.resolve("elsewhere.key"));
        try (Journal check = Journal.openToCheck(db, key)) {
            VerifyReport report = check.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.violations()).extracting(Violation::check).contains("audit_key");
            assertThatThrownBy(() -> check.audit("door_opened", null, null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("audit key");
        }
        assertThatThrownBy(() -> Journal.open(db, "0042", Clock.systemUTC())).isInstanceOf(JournalException.class)
                .hasMessageContaining("missing").hasMessageContaining(key.toString());
        assertThat(key).doesNotExist();
        Files.move(dir.resolve("elsewhere.key"), key);
        journal = Journal.open(db, "0042", Clock.systemUTC());
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void anOlderPlainChainGetsAKeyFromItsNextRowAndStaysChecked() throws Exception {
        journal.close();
        // What an older version left: the same journal chained with plain SHA-256 and no key beside it.
        Path key = Journal.defaultKeyFile(db);
        AuditKey forRechain = AuditKey.read(key).orElseThrow();
        Files.delete(key);
        Files.delete(HeadFile.besideKey(key));
        long rows;
        try (Connection c = raw()) {
            rows = AuditChain.head(c).count();
        }
        rechain(null);
        journal = Journal.open(db, "0042", Clock.systemUTC());
        assertThat(AuditKey.read(key).orElseThrow().fromSeq()).isEqualTo(rows + 1);
        assertThat(journal.recentAudit(List.of(AuditKey.KEYED_KIND), 2)).singleElement()
                .satisfies(a -> assertThat(a.seq()).isEqualTo(rows + 1));
        assertThat(journal.verify().violations()).isEmpty();
        assertThat(forRechain.fingerprint()).isNotEqualTo(AuditKey.read(key).orElseThrow().fingerprint());
        // The plain part is still checked: an edit there breaks the link into the keyed part.
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET data = '{}' WHERE seq = 2");
        assertThat(journal.verify().violations()).extracting(Violation::where).contains("audit seq=2");
    }

    @Test
    void quickCheckIsEmptyOnASoundFileAndSpeaksUpOnADamagedOne() throws Exception {
        assertThat(journal.quickCheck()).isEmpty();
        for (int i = 0; i < 200; i++) {
            journal.audit("door_opened", null, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(200) + "\"}");
        }
        journal.close();
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] bytes = Files.readAllBytes(db);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 4096; i++) {
            bytes[i] = (byte) 0x5a;
        }
        Files.write(db, bytes);
        List<String> problems = new ArrayList<>();
        try (Journal damaged = Journal.openToCheck(db, Journal.defaultKeyFile(db))) {
            problems.addAll(damaged.quickCheck());
        } catch (JournalException | DamagedJournalException e) {
            // so damaged that SQLite refuses it outright (which page the damage hits depends on the schema's size):
            // also a clear answer
            problems.add(e.getMessage());
        }
        assertThat(problems).isNotEmpty();
        journal = Journal.open(dir.resolve("fresh.db"), "0042", Clock.systemUTC());
    }

    // An attacker's tools: plain JDBC on the file.

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

    private void sql(List<String> statements) throws SQLException {
        sql(statements.toArray(String[]::new));
    }

    private long rowId(String table, String where) throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> dropTriggers() {
        List<String> out = new ArrayList<>();
        for (String t : SchemaCheck.APPEND_ONLY) {
            out.add("DROP TRIGGER IF EXISTS " + t + "_no_update");
            out.add("DROP TRIGGER IF EXISTS " + t + "_no_delete");
        }
        return out;
    }

    private static List<String> createTriggers() {
        List<String> out = new ArrayList<>();
        for (String t : SchemaCheck.APPEND_ONLY) {
            for (String op : List.of("UPDATE", "DELETE")) {
                out.add("CREATE TRIGGER IF NOT EXISTS " + t + "_no_" + op.toLowerCase() + " BEFORE " + op + " ON " + t
                        + "\nBEGIN SELECT RAISE(ABORT, '" + t + " is append-only'); END");
            }
        }
        return out;
    }

    /** Renumbers the audit rows 1, 2, ... and recomputes every link: plain SHA-256, or HMAC under {@code key}. */
    private void rechain(AuditKey key) throws SQLException {
        sql("DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete");
        try (Connection c = raw()) {
            c.setAutoCommit(false);
            List<Object[]> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ts, kind, txn_id, data FROM audit ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit");
            }
            String prev = AuditChain.GENESIS;
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit (seq, ts, kind, txn_id, data, prev_hash, "
                    + "hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                long seq = 1;
                for (Object[] r : rows) {
                    String hash = key == null
                            ? AuditChain.hash(prev, seq, (Long) r[0], (String) r[1], (String) r[2], (String) r[3])
                            : AuditChain.keyedHash(key, prev, seq, (Long) r[0], (String) r[1], (String) r[2],
                                    (String) r[3]);
                    ins.setLong(1, seq);
                    ins.setLong(2, (Long) r[0]);
                    ins.setString(3, (String) r[1]);
                    ins.setString(4, (String) r[2]);
                    ins.setString(5, (String) r[3]);
                    ins.setString(6, prev);
                    ins.setString(7, hash);
                    ins.executeUpdate();
                    prev = hash;
                    seq++;
                }
            }
            c.commit();
        }
        sql(createTriggers());
    }
}
