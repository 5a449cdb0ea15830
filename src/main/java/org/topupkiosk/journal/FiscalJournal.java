package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * The fiscal register's part of the journal (schema V9), reached through {@link Journal#fiscal()}: a registration is
 * journaled as intended before it is sent, then its document (or its failure) is journaled when known; a restart reads
 * the intents still open and resolves them. Each mutating call is one transaction with its audit row; a repeat of a
 * call already journaled changes nothing.
 */
public final class FiscalJournal {

    /** Orders opened while the latest fiscal mode before them was on. */
    private static final String UNDER_FISCAL = "coalesce((SELECT m.register FROM fiscal_modes m WHERE m.since <= "
            + "o.created_at ORDER BY m.id DESC LIMIT 1), 'none') <> 'none'";
    private static final String INTENT_COLUMNS = "i.id, i.txn_id, i.sign, i.sum_minor, i.last_doc_before, "
            + "i.receipt_json, i.created_at";
    private static final String OPEN = "NOT EXISTS (SELECT 1 FROM fiscal_documents d WHERE d.intent_id = i.id) "
            + "AND NOT EXISTS (SELECT 1 FROM fiscal_failures f WHERE f.intent_id = i.id)";
    private static final String OPENISH = "(" + OPEN + ")";

    private final SqliteStore store;
    private final Clock clock;
    private final AuditChain audit;
    private final Sql sql;

    FiscalJournal(SqliteStore store, Clock clock, AuditChain audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.sql = new Sql(store.connection());
    }

    /** Journals the register in use ({@code none} or {@code shtrih}) at start, when it differs from the last one. */
    public void recordMode(String register) {
        Objects.requireNonNull(register, "register");
        store.write("record fiscal mode", c -> {
            Optional<String> last = latestMode();
            if (last.isEmpty() && "none".equals(register) || last.isPresent() && last.get().equals(register)) {
                return null;
            }
            long now = clock.millis();
            sql.update("INSERT INTO fiscal_modes (register, since) VALUES (?, ?)", register, now);
            audit.append(now, "fiscal_mode", null, AuditChain.data("register", register));
            return null;
        });
    }

    /** The register the kiosk last started with; empty when fiscal registration was never switched on. */
    public Optional<String> mode() {
        return store.read("read fiscal mode", c -> latestMode());
    }

    private Optional<String> latestMode() throws SQLException {
        return sql.one("SELECT register FROM fiscal_modes ORDER BY id DESC LIMIT 1", rs -> rs.getString(1));
    }

    /**
     * Journals a registration about to be sent. A repeat for the same order and sign answers the intent journaled the
     * first time (its receipt, not this one), so one order is never registered under two intents.
     */
    public FiscalIntent intend(String txnId, String sign, long sumMinor, long lastDocBefore, String receiptJson) {
        FiscalIntent fresh = new FiscalIntent(0, txnId, sign, sumMinor, lastDocBefore, receiptJson, clock.instant());
        return store.write("journal fiscal intent", c -> {
            Optional<FiscalIntent> known = find(txnId, sign);
            if (known.isPresent()) {
                return known.get();
            }
            long now = fresh.createdAt().toEpochMilli();
            sql.update("INSERT INTO fiscal_intents (txn_id, sign, sum_minor, last_doc_before, receipt_json, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", txnId, sign, sumMinor, lastDocBefore, receiptJson, now);
            audit.append(now, "fiscal_intended", txnId, AuditChain.data("sign", sign, "sum_minor", sumMinor,
                    "last_doc_before", lastDocBefore));
            return find(txnId, sign).orElseThrow();
        });
    }

    /**
     * Journals the document the register signed for an intent. A repeat of the same document is harmless; a different
     * one for an intent that already has its document is refused (IllegalStateException): a payment registered twice.
     */
    public void recordDocument(long intentId, FiscalRecord doc) {
        Objects.requireNonNull(doc, "doc");
        store.write("journal fiscal document", c -> {
            FiscalIntent intent = intentById(intentId);
            Optional<FiscalRecord> known = documentOf(intentId);
            if (known.isPresent()) {
                FiscalRecord k = known.get();
                if (k.fnSerial().equals(doc.fnSerial()) && k.docNumber() == doc.docNumber()) {
                    return null;
                }
                throw new IllegalStateException("intent " + intentId + " of " + intent.txnId()
                        + " already has fiscal document " + k.docNumber());
            }
            if (failed(intentId)) {
                throw new IllegalStateException("intent " + intentId + " of " + intent.txnId() + " was given up");
            }
            long now = clock.millis();
            sql.update("INSERT INTO fiscal_documents (intent_id, txn_id, fn_serial, doc_number, fiscal_sign, doc_time, "
                    + "sum_minor, shift_number, how, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", intentId,
                    intent.txnId(), doc.fnSerial(), doc.docNumber(), doc.fiscalSign(), doc.docTime(), doc.sumMinor(),
                    doc.shiftNumber(), doc.adopted() ? "adopted" : "registered", now);
            audit.append(now, "fiscal_registered", intent.txnId(), AuditChain.data("sign", intent.sign(), "fn",
                    doc.fnSerial(), "fd", doc.docNumber(), "fp", doc.fiscalSign(), "time", doc.docTime(), "sum_minor",
                    doc.sumMinor(), "adopted", doc.adopted()));
            return null;
        });
    }

    /** Journals that an intent will not be registered (its order was cancelled into a credit voucher instead). */
    public void recordFailure(long intentId, String reason) {
        LedgerRules.requireText(reason, "reason");
        store.write("journal fiscal failure", c -> {
            FiscalIntent intent = intentById(intentId);
            if (documentOf(intentId).isPresent()) {
                throw new IllegalStateException("intent " + intentId + " of " + intent.txnId() + " was registered");
            }
            if (failed(intentId)) {
                return null;
            }
            long now = clock.millis();
            sql.update("INSERT INTO fiscal_failures (intent_id, reason, created_at) VALUES (?, ?, ?)", intentId, reason,
                    now);
            audit.append(now, "fiscal_failed", intent.txnId(), AuditChain.data("sign", intent.sign(), "reason",
                    reason));
            return null;
        });
    }

    /** Intents with neither a document nor a failure, oldest first: what a restart must resolve. */
    public List<FiscalIntent> openIntents() {
        return store.read("read open fiscal intents", c -> sql.list("SELECT " + INTENT_COLUMNS
                + " FROM fiscal_intents i WHERE " + OPEN + " ORDER BY i.id", FiscalJournal::intent));
    }

    public Optional<FiscalIntent> intent(String txnId, String sign) {
        return store.read("read fiscal intent", c -> find(txnId, sign));
    }

    /** The document journaled for the order's sale ({@code INCOME}) or refund ({@code INCOME_RETURN}). */
    public Optional<FiscalRecord> document(String txnId, String sign) {
        return store.read("read fiscal document", c -> {
            Optional<FiscalIntent> intent = find(txnId, sign);
            return intent.isEmpty() ? Optional.<FiscalRecord>empty() : documentOf(intent.get().id());
        });
    }

    /** True when the intent was given up (see {@link #recordFailure}). */
    public boolean givenUp(long intentId) {
        return store.read("read fiscal failure", c -> failed(intentId));
    }

    /** The highest document number journaled for this FN (0 when none): a register's document above it is new. */
    public long lastDocumentNumber(String fnSerial) {
        return store.read("read last fiscal document", c -> sql.one(
                "SELECT coalesce(max(doc_number), 0) FROM fiscal_documents WHERE fn_serial = ?", rs -> rs.getLong(1),
                fnSerial).orElse(0L));
    }

    private Optional<FiscalIntent> find(String txnId, String sign) throws SQLException {
        return sql.one("SELECT " + INTENT_COLUMNS + " FROM fiscal_intents i WHERE i.txn_id = ? AND i.sign = ?",
                FiscalJournal::intent, txnId, sign);
    }

    private FiscalIntent intentById(long id) throws SQLException {
        return sql.one("SELECT " + INTENT_COLUMNS + " FROM fiscal_intents i WHERE i.id = ?", FiscalJournal::intent, id)
                .orElseThrow(() -> new IllegalArgumentException("no fiscal intent " + id));
    }

    private Optional<FiscalRecord> documentOf(long intentId) throws SQLException {
        return sql.one("SELECT fn_serial, doc_number, fiscal_sign, doc_time, sum_minor, shift_number, how "
                + "FROM fiscal_documents WHERE intent_id = ?", rs -> new FiscalRecord(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getInt(6), "adopted".equals(rs.getString(7))),
                intentId);
    }

    private boolean failed(long intentId) throws SQLException {
        return sql.one("SELECT 1 FROM fiscal_failures WHERE intent_id = ?", rs -> true, intentId).isPresent();
    }

    private static FiscalIntent intent(ResultSet rs) throws SQLException {
        return new FiscalIntent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
    }

    // journal verify ------------------------------------------------------------------------------------------------

    /**
     * With fiscal registration on: every paid order (PENDING, CONFIRMED, REFUSED) opened while it was on has its
     * "приход" document or an open intent; every counter refund of a registered sale has its "возврат прихода"; each
     * document's sum is its intent's and its order's; no document for an intent given up.
     */
    static void check(Connection c, List<Violation> v) throws SQLException {
        try (Statement st = c.createStatement()) {
            each(st, "SELECT o.txn_id, o.status, o.cash_minor + o.credit_applied_minor FROM orders o "
                    + "WHERE o.status IN ('PENDING', 'CONFIRMED', 'REFUSED') AND " + UNDER_FISCAL + " AND NOT EXISTS "
                    + "(SELECT 1 FROM fiscal_intents i WHERE i.txn_id = o.txn_id AND i.sign = 'INCOME' AND "
                    + "(EXISTS (SELECT 1 FROM fiscal_documents d WHERE d.intent_id = i.id) OR " + OPENISH + "))",
                    rs -> v.add(new Violation("fiscal_missing", "fiscal_documents txn=" + rs.getString(1),
                            rs.getString(2) + " order paid " + rs.getLong(3) + " kopecks with fiscal registration on "
                                    + "but no row in fiscal_documents and no open intent")));
            each(st, "SELECT DISTINCT r.txn_id, r.amount_minor FROM refunds r JOIN fiscal_intents s ON s.txn_id = "
                    + "r.txn_id AND s.sign = 'INCOME' JOIN fiscal_documents sd ON sd.intent_id = s.id "
                    + "WHERE r.reason = '" + Shifts.RETURNED + "' AND NOT EXISTS (SELECT 1 FROM fiscal_intents i "
                    + "WHERE i.txn_id = r.txn_id AND i.sign = 'INCOME_RETURN' AND (EXISTS (SELECT 1 FROM "
                    + "fiscal_documents d WHERE d.intent_id = i.id) OR " + OPENISH + "))",
                    rs -> v.add(new Violation("fiscal_return_missing", "fiscal_documents txn=" + rs.getString(1),
                            rs.getLong(2) + " kopecks handed back at the counter for a registered sale, but no "
                                    + "\"возврат прихода\" row in fiscal_documents and no open intent")));
            each(st, "SELECT d.id, d.txn_id, d.sum_minor, i.sum_minor FROM fiscal_documents d JOIN fiscal_intents i "
                    + "ON i.id = d.intent_id WHERE d.sum_minor <> i.sum_minor OR d.txn_id <> i.txn_id",
                    rs -> v.add(new Violation("fiscal_sum", "fiscal_documents id=" + rs.getLong(1) + " txn="
                            + rs.getString(2), "document sum " + rs.getLong(3) + " but its intent (fiscal_intents) "
                            + "registered " + rs.getLong(4) + " for this order")));
            each(st, "SELECT d.id, d.txn_id, d.sum_minor, o.amount_minor + o.fee_minor FROM fiscal_documents d "
                    + "JOIN fiscal_intents i ON i.id = d.intent_id JOIN orders o ON o.txn_id = d.txn_id "
                    + "WHERE i.sign = 'INCOME' AND o.status IN ('PENDING', 'CONFIRMED', 'REFUSED') "
                    + "AND d.sum_minor <> o.amount_minor + o.fee_minor",
                    rs -> v.add(new Violation("fiscal_sum", "fiscal_documents id=" + rs.getLong(1) + " txn="
                            + rs.getString(2), "document sum " + rs.getLong(3) + " but the order (orders) took "
                            + rs.getLong(4) + " for the payment and the fee")));
            each(st, "SELECT i.id, i.txn_id, i.sign FROM fiscal_intents i WHERE " + OPEN + " AND EXISTS (SELECT 1 "
                    + "FROM audit a WHERE a.kind = 'fiscal_registered' AND a.txn_id = i.txn_id "
                    + "AND json_extract(a.data, '$.sign') = i.sign)",
                    rs -> v.add(new Violation("fiscal_document_missing", "fiscal_documents intent=" + rs.getLong(1)
                            + " txn=" + rs.getString(2), "the audit chain says its " + rs.getString(3) + " document "
                            + "was journaled, but the row is gone from fiscal_documents")));
            each(st, "SELECT d.id, d.txn_id FROM fiscal_documents d JOIN fiscal_failures f ON f.intent_id = d.intent_id",
                    rs -> v.add(new Violation("fiscal_conflict", "fiscal_failures intent=" + rs.getLong(1) + " txn="
                            + rs.getString(2), "an intent both registered and given up")));
        }
    }

    /** The figures for the verify summary: empty when fiscal registration was never on. */
    static String figures(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM fiscal_modes), "
                     + "(SELECT count(*) FROM fiscal_documents), (SELECT count(*) FROM fiscal_intents i WHERE "
                     + OPEN + ")")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return "";
            }
            return " fiscal_documents=" + rs.getLong(2) + " fiscal_open_intents=" + rs.getLong(3)
                    + (rs.getLong(3) > 0 ? " (a restart registers or adopts them)" : "");
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void each(Statement st, String query, RowHandler handler) throws SQLException {
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }
}
