package org.topupkiosk.journal;

import static org.topupkiosk.journal.LedgerRules.mask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * The money tables against the audit chain. Every row of orders, cash_events, customer_credits, credit_redemptions,
 * refunds and receipts is named by the audit row its writer appended in the same transaction, with the same ids and
 * amounts; a table row no audit row names was written behind the journal's back (a minted credit), an audit row whose
 * table row is gone was deleted. Ids and amounts are compared, never phone numbers (the audit keeps them masked);
 * credit codes are compared by their masked form. Rows are matched as "signatures", one text per fact.
 */
final class AuditLinks {

    /** What the keyed digests in audit rows cover (see {@link AuditChain#mac}). */
    static final String OUTBOX_MAC = "outbox payload";
    static final String RECEIPT_MAC = "receipt body";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Signature to the audit seqs stating it, oldest first. */
    private final Map<String, Deque<Long>> audited = new HashMap<>();
    /** Order txn id to its order_submitted row (seq, data); receipt id to its receipt_stored row. */
    final Map<String, AuditRow> submitted = new HashMap<>();
    final Map<String, AuditRow> stored = new HashMap<>();

    record AuditRow(long seq, JsonNode data) {}

    void check(Connection c, List<Violation> v) throws SQLException {
        readAudit(c);
        Map<String, String> rows = new LinkedHashMap<>();
        each(c, "SELECT id, note_id, txn_id, amount_minor FROM cash_events ORDER BY id", rs -> {
            String note = rs.getString(2);
            String txn = rs.getString(3);
            long amount = rs.getLong(4);
            String sig = note.startsWith(CashBox.COUNTER_PREFIX) ? "counter cash txn=" + txn + " amount=" + amount
                    : txn != null ? "cash note=" + note + " txn=" + txn + " amount=" + amount
                    : "cash note=" + note + " without order amount=" + amount;
            rows.put("cash_events id=" + rs.getLong(1), sig);
        });
        each(c, "SELECT cc.id, cc.code, cc.amount_minor, cc.source_txn, cc.source_note_id, o.txn_id FROM "
                + "customer_credits cc LEFT JOIN orders o ON o.change_credit = cc.code ORDER BY cc.id", rs -> {
            String credit = "credit " + mask(rs.getString(2)) + " amount=" + rs.getLong(3);
            String sig = rs.getString(4) != null ? credit + " for txn=" + rs.getString(4)
                    : rs.getString(5) != null ? credit + " for note=" + rs.getString(5)
                    : credit + " change of txn=" + rs.getString(6);
            rows.put("customer_credits id=" + rs.getLong(1), sig);
        });
        each(c, "SELECT r.id, r.code, r.txn_id, coalesce(cc.amount_minor, 0) FROM credit_redemptions r LEFT JOIN "
                + "customer_credits cc ON cc.code = r.code ORDER BY r.id", rs -> rows.put("credit_redemptions id="
                + rs.getLong(1), "redeemed " + mask(rs.getString(2)) + " amount=" + rs.getLong(4)
                + (rs.getString(3) == null ? " as refund" : " into txn=" + rs.getString(3))));
        each(c, "SELECT id, credit_code, amount_minor, txn_id FROM refunds ORDER BY id", rs -> rows.put("refunds id="
                + rs.getLong(1), "refund " + mask(String.valueOf(rs.getString(2))) + " amount=" + rs.getLong(3)
                + " txn=" + rs.getString(4)));
        each(c, "SELECT id, txn_id, status, amount_minor, fee_minor FROM orders ORDER BY id", rs -> {
            String txn = rs.getString(2);
            String status = rs.getString(3);
            rows.put("orders id=" + rs.getLong(1), "order opened txn=" + txn);
            if (!status.equals("OPEN") && !status.equals("CANCELLED")) {
                rows.put("orders id=" + rs.getLong(1) + " (submit)", "order submitted txn=" + txn + " amount="
                        + rs.getLong(4) + " fee=" + rs.getLong(5));
            }
            if (!status.equals("OPEN") && !status.equals("PENDING")) {
                rows.put("orders id=" + rs.getLong(1) + " (" + status + ")", "order " + status + " txn=" + txn);
            }
        });
        each(c, "SELECT id, receipt_id, printed FROM receipts ORDER BY id", rs -> {
            rows.put("receipts id=" + rs.getLong(1), "receipt stored " + rs.getString(2));
            if (rs.getInt(3) == 1) {
                rows.put("receipts id=" + rs.getLong(1) + " (printed)", "receipt printed " + rs.getString(2));
            }
        });
        for (Map.Entry<String, String> row : rows.entrySet()) {
            Deque<Long> seqs = audited.get(row.getValue());
            if (seqs == null || seqs.isEmpty()) {
                v.add(new Violation("audit_missing", row.getKey(), "no audit row records " + row.getValue()
                        + ": written behind the journal's back"));
            } else {
                seqs.removeFirst();
            }
        }
        List<long[]> orphans = new ArrayList<>();
        Map<Long, String> what = new HashMap<>();
        audited.forEach((sig, seqs) -> seqs.forEach(seq -> {
            orphans.add(new long[] {seq});
            what.put(seq, sig);
        }));
        orphans.stream().mapToLong(o -> o[0]).sorted().forEach(seq -> v.add(new Violation("audit_orphan",
                "audit seq=" + seq, "records " + what.get(seq) + " but no table row matches: deleted or edited")));
    }

    /** The signatures each money audit row states (see the table side in {@link #check}). */
    private void readAudit(Connection c) throws SQLException {
        each(c, "SELECT seq, kind, txn_id, data FROM audit ORDER BY seq", rs -> {
            long seq = rs.getLong(1);
            String kind = rs.getString(2);
            String txn = rs.getString(3);
            JsonNode d = json(rs.getString(4));
            switch (kind) {
                case "order_opened" -> add("order opened txn=" + txn, seq);
                case "cash_stacked" -> add("cash note=" + d.path("note").asText() + " txn=" + txn + " amount="
                        + d.path("amount_minor").asLong(), seq);
                case Shifts.COUNTER_CASH -> add("counter cash txn=" + txn + " amount=" + d.path("kept_minor").asLong(),
                        seq);
                case "cash_stacked_no_order" -> {
                    add("cash note=" + d.path("note").asText() + " without order amount="
                            + d.path("amount_minor").asLong(), seq);
                    add("credit " + d.path("credit").asText() + " amount=" + d.path("amount_minor").asLong()
                            + " for note=" + d.path("note").asText(), seq);
                }
                case "order_submitted" -> {
                    add("order submitted txn=" + txn + " amount=" + d.path("amount_minor").asLong() + " fee="
                            + d.path("fee_minor").asLong(), seq);
                    if (d.hasNonNull("change_credit")) {
                        add("credit " + d.path("change_credit").asText() + " amount=" + d.path("change_minor").asLong()
                                + " change of txn=" + txn, seq);
                    }
                    submitted.put(txn, new AuditRow(seq, d));
                }
                case "order_cancelled", "order_refused" -> {
                    String status = kind.equals("order_cancelled") ? "CANCELLED" : "REFUSED";
                    add("order " + status + " txn=" + txn, seq);
                    if (d.hasNonNull("credit")) {
                        add("credit " + d.path("credit").asText() + " amount=" + d.path("credit_minor").asLong()
                                + " for txn=" + txn, seq);
                    }
                }
                case "order_confirmed" -> add("order CONFIRMED txn=" + txn, seq);
                case "credit_redeemed" -> add("redeemed " + d.path("credit").asText() + " amount="
                        + d.path("amount_minor").asLong() + " into txn=" + txn, seq);
                case "credit_refunded" -> {
                    String credit = d.path("credit").asText();
                    long amount = d.path("amount_minor").asLong();
                    add("redeemed " + credit + " amount=" + amount + " as refund", seq);
                    add("refund " + credit + " amount=" + amount + " txn=" + txn, seq);
                }
                case "receipt_stored" -> {
                    add("receipt stored " + d.path("receipt").asText(), seq);
                    stored.put(d.path("receipt").asText(), new AuditRow(seq, d));
                }
                case "receipt_printed" -> add("receipt printed " + d.path("receipt").asText(), seq);
                default -> { }
            }
        });
    }

    private void add(String signature, long seq) {
        audited.computeIfAbsent(signature, k -> new ArrayDeque<>()).add(seq);
    }

    static JsonNode json(String data) {
        try {
            return JSON.readTree(data == null ? "{}" : data);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    static void each(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }
}
