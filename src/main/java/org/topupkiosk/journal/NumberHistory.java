package org.topupkiosk.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * A number's recent payments at this kiosk, read from the journal's own tables: cash orders by their number, and the
 * non-cash services (scratch cards, auto top-ups) by the number {@code service_numbers} keeps for their "sent" audit row
 * (the row itself has only the masked number), each with its outcome, stored receipts and credit voucher.
 *
 * <p>The scans are bounded by time, not by table size: the newest row older than {@code since} is found by walking the
 * rowid backwards from the end, and the queries then read only rows after it. Runs inside the caller's read; keeps no
 * state.
 */
final class NumberHistory {

    /** The "sent" audit row of each non-cash service, and the rows that can end it, newest wins. */
    private static final Map<String, String> SENT = Map.of(
            "voucher_redeem_sent", HistoryEntry.SCRATCH_CARD,
            "autotopup_sent", HistoryEntry.AUTO_TOPUP);
    private static final Map<String, HistoryEntry.State> OUTCOMES = Map.of(
            "voucher_redeemed", HistoryEntry.State.CONFIRMED,
            "voucher_refused", HistoryEntry.State.REFUSED,
            "voucher_outcome_unknown", HistoryEntry.State.UNCONFIRMED,
            "autotopup_active", HistoryEntry.State.CONFIRMED,
            "autotopup_refused", HistoryEntry.State.REFUSED,
            "autotopup_outcome_unknown", HistoryEntry.State.UNCONFIRMED);
    private static final ObjectMapper JSON = new ObjectMapper();

    private NumberHistory() {}

    /** Newest first, at most {@code limit}, nothing older than {@code since}. */
    static List<HistoryEntry> of(Connection c, Msisdn msisdn, Instant since, int limit) throws SQLException {
        List<Draft> drafts = new ArrayList<>();
        drafts.addAll(orders(c, msisdn, since.toEpochMilli(), limit));
        drafts.addAll(services(c, msisdn, since.toEpochMilli(), limit));
        drafts.sort(Comparator.comparing((Draft d) -> d.at).reversed().thenComparing(d -> d.id, Comparator.reverseOrder()));
        List<Draft> newest = drafts.subList(0, Math.min(limit, drafts.size()));
        List<String> ids = newest.stream().map(d -> d.id).toList();
        Map<String, List<HistoryEntry.ReceiptRef>> receipts = receipts(c, ids, since.toEpochMilli());
        Map<String, HistoryEntry.Credit> credits = credits(c, newest.stream().filter(d -> d.order).map(d -> d.id)
                .toList());
        List<HistoryEntry> out = new ArrayList<>();
        for (Draft d : newest) {
            out.add(new HistoryEntry(d.id, d.kind, d.at, d.state, d.amount, d.threshold, d.operatorId, d.productId,
                    receipts.getOrDefault(d.id, List.of()), credits.get(d.id)));
        }
        return out;
    }

    private static final class Draft {
        String id;
        String kind;
        Instant at;
        HistoryEntry.State state;
        Money amount;
        Money threshold;
        String operatorId;
        String productId;
        boolean order;
    }

    /** The rowid after which every row is at least as new as {@code sinceMs}: only newer rows are read. */
    private static long floor(Connection c, String table, String idColumn, String timeColumn, long sinceMs)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + idColumn + " FROM " + table + " WHERE "
                + timeColumn + " < ? ORDER BY " + idColumn + " DESC LIMIT 1")) {
            st.setLong(1, sinceMs);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Orders of the number that took money or were sent: an order still OPEN is the current session, and one cancelled
     * before any cash is nothing the customer paid.
     */
    private static List<Draft> orders(Connection c, Msisdn msisdn, long sinceMs, int limit) throws SQLException {
        long after = floor(c, "orders", "id", "created_at", sinceMs);
        List<Draft> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT txn_id, kind, operator_id, product_id, status, "
                + "cash_minor, credit_applied_minor, currency, created_at FROM orders WHERE id > ? AND msisdn = ? "
                + "AND status <> 'OPEN' AND NOT (status = 'CANCELLED' AND cash_minor + credit_applied_minor = 0) "
                + "ORDER BY id DESC LIMIT ?")) {
            st.setLong(1, after);
            st.setString(2, msisdn.e164());
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Draft d = new Draft();
                    d.order = true;
                    d.id = rs.getString("txn_id");
                    d.kind = rs.getString("kind");
                    d.operatorId = rs.getString("operator_id");
                    d.productId = rs.getString("product_id");
                    d.state = HistoryEntry.State.valueOf(rs.getString("status"));
                    d.amount = new Money(rs.getLong("cash_minor") + rs.getLong("credit_applied_minor"),
                            rs.getString("currency"));
                    d.at = Instant.ofEpochMilli(rs.getLong("created_at"));
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Scratch cards and auto top-ups for the number, from their "sent" audit rows, with the newest outcome of each. */
    private static List<Draft> services(Connection c, Msisdn msisdn, long sinceMs, int limit) throws SQLException {
        long after = floor(c, "audit", "seq", "ts", sinceMs);
        Map<String, Draft> byId = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT ts, kind, txn_id, data FROM audit WHERE seq > ? AND kind IN "
                + marks(SENT.size()) + " AND (txn_id IN (SELECT ref FROM service_numbers WHERE msisdn = ?) "
                // Rows written before the audit chain kept masked numbers name the number in full.
                + "OR json_extract(data, '$.msisdn') = ?) ORDER BY seq DESC LIMIT ?")) {
            int i = 1;
            st.setLong(i++, after);
            for (String k : SENT.keySet()) {
                st.setString(i++, k);
            }
            st.setString(i++, msisdn.e164());
            st.setString(i++, msisdn.e164());
            st.setInt(i, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("txn_id");
                    if (id == null || byId.containsKey(id)) {
                        continue; // sent again under the same id (a retry): the newest row speaks for it
                    }
                    JsonNode data = parse(rs.getString("data"));
                    Draft d = new Draft();
                    d.id = id;
                    d.kind = SENT.get(rs.getString("kind"));
                    d.at = Instant.ofEpochMilli(rs.getLong("ts"));
                    // Sent and never answered (the kiosk stopped in between): support asks the carrier by id.
                    d.state = HistoryEntry.State.UNCONFIRMED;
                    String currency = data.path("currency").asText(Money.RUB);
                    long minor = data.path(HistoryEntry.AUTO_TOPUP.equals(d.kind) ? "amountMinor" : "nominalMinor")
                            .asLong(0);
                    d.amount = new Money(minor, currency);
                    d.threshold = data.has("thresholdMinor") ? new Money(data.get("thresholdMinor").asLong(), currency)
                            : null;
                    d.operatorId = data.hasNonNull("operatorId") ? data.get("operatorId").asText() : null;
                    byId.put(id, d);
                }
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement st = c.prepareStatement("SELECT kind, txn_id FROM audit WHERE seq > ? AND kind IN "
                + marks(OUTCOMES.size()) + " AND txn_id IN " + marks(byId.size()) + " ORDER BY seq")) {
            int i = 1;
            st.setLong(i++, after);
            for (String k : OUTCOMES.keySet()) {
                st.setString(i++, k);
            }
            for (String id : byId.keySet()) {
                st.setString(i++, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byId.get(rs.getString("txn_id")).state = OUTCOMES.get(rs.getString("kind")); // newest last, wins
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Map<String, List<HistoryEntry.ReceiptRef>> receipts(Connection c, Collection<String> ids,
                                                                       long sinceMs) throws SQLException {
        Map<String, List<HistoryEntry.ReceiptRef>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        long after = floor(c, "receipts", "id", "created_at", sinceMs);
        try (PreparedStatement st = c.prepareStatement("SELECT receipt_id, txn_id, kind FROM receipts WHERE id > ? "
                + "AND txn_id IN " + marks(ids.size()) + " ORDER BY id")) {
            int i = 1;
            st.setLong(i++, after);
            for (String id : ids) {
                st.setString(i++, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString("txn_id"), k -> new ArrayList<>())
                            .add(new HistoryEntry.ReceiptRef(rs.getString("receipt_id"), rs.getString("kind")));
                }
            }
        }
        return out;
    }

    private static Map<String, HistoryEntry.Credit> credits(Connection c, Collection<String> txnIds)
            throws SQLException {
        Map<String, HistoryEntry.Credit> out = new HashMap<>();
        if (txnIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT cc.code, cc.amount_minor, cc.currency, cc.source_txn, "
                + "r.id IS NOT NULL AS redeemed, r.txn_id AS into_txn FROM customer_credits cc "
                + "LEFT JOIN credit_redemptions r ON r.code = cc.code WHERE cc.source_txn IN " + marks(txnIds.size()))) {
            int i = 1;
            for (String id : txnIds) {
                st.setString(i++, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    HistoryEntry.Credit.Status status = !rs.getBoolean("redeemed") ? HistoryEntry.Credit.Status.OPEN
                            : rs.getString("into_txn") == null ? HistoryEntry.Credit.Status.REFUNDED
                            : HistoryEntry.Credit.Status.SPENT;
                    out.put(rs.getString("source_txn"), new HistoryEntry.Credit(rs.getString("code"),
                            new Money(rs.getLong("amount_minor"), rs.getString("currency")), status));
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
