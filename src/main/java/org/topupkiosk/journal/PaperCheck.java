package org.topupkiosk.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * What leaves the kiosk as text, against the order and the audit chain: each outbox payload (what the carrier will be
 * asked to pay) carries its order's txn id, amount, currency, number and product, and matches the keyed digest its
 * order_submitted row took; each receipt body matches the digest its receipt_stored row took; and every open credit
 * reached its customer on paper ({@link ClaimPaper}: its own voucher printed, or the printed claim receipt of the
 * order whose refusal or cancel made it).
 */
final class PaperCheck {

    static final String CREDIT_RECEIPT_PREFIX = ClaimPaper.VOUCHER_RECEIPT_PREFIX;

    private PaperCheck() {}

    static void check(Connection c, AuditKey key, AuditLinks links, List<Violation> v) throws SQLException {
        AuditLinks.each(c, "SELECT ob.txn_id, ob.payload, o.amount_minor, o.currency, o.msisdn, o.product_id, "
                + "o.operator_id, o.kind FROM outbox ob LEFT JOIN orders o ON o.txn_id = ob.txn_id ORDER BY ob.id",
                rs -> payload(rs, key, links, v));
        AuditLinks.each(c, "SELECT receipt_id, body FROM receipts ORDER BY id", rs -> {
            String id = rs.getString(1);
            AuditLinks.AuditRow row = links.stored.get(id);
            if (key == null || row == null || row.seq() < key.fromSeq()) {
                return; // no key to check with, the missing audit row is reported already, or written before keys
            }
            String mac = row.data().path("body_mac").asText(null);
            if (!Objects.equals(mac, AuditChain.digest(key, AuditLinks.RECEIPT_MAC, rs.getString(2)))) {
                v.add(new Violation("receipt_body", "receipts receipt_id=" + id, mac == null ? "its audit row seq="
                        + row.seq() + " holds no digest of the body" : "the body differs from the digest in audit seq="
                        + row.seq() + ": edited after it was stored"));
            }
        });
        AuditLinks.each(c, "SELECT cc.id, cc.code, cc.amount_minor, cc.source_txn, r.printed FROM customer_credits cc "
                + "LEFT JOIN receipts r ON r.receipt_id = '" + CREDIT_RECEIPT_PREFIX + "' || cc.code "
                + "WHERE NOT EXISTS (SELECT 1 FROM credit_redemptions cr WHERE cr.code = cc.code) "
                + "AND NOT " + ClaimPaper.CREDIT_ON_PAPER + " ORDER BY cc.id", rs -> v.add(new Violation("undelivered_credit",
                "customer_credits id=" + rs.getLong(1), "open credit " + LedgerRules.mask(rs.getString(2)) + " of "
                + rs.getLong(3) + " minor units" + (rs.getString(4) == null ? "" : " (txn=" + rs.getString(4) + ")")
                + (rs.getObject(5) == null ? " has no voucher: the customer never got it on paper"
                        : " has a voucher stored but never printed: reprint it from the service menu"))));
    }

    private static void payload(ResultSet rs, AuditKey key, AuditLinks links, List<Violation> v) throws SQLException {
        String txn = rs.getString(1);
        String where = "outbox txn=" + txn;
        String payload = rs.getString(2);
        AuditLinks.AuditRow row = links.submitted.get(txn);
        if (key != null && row != null && row.seq() >= key.fromSeq()) {
            String mac = row.data().path("payload_mac").asText(null);
            if (!Objects.equals(mac, AuditChain.digest(key, AuditLinks.OUTBOX_MAC, payload))) {
                v.add(new Violation("outbox_payload", where, mac == null ? "its order_submitted row seq=" + row.seq()
                        + " holds no digest of the payload" : "the payload differs from the digest in audit seq="
                        + row.seq() + ": edited after it was queued"));
            }
        } else if (row == null) {
            v.add(new Violation("outbox_payload", where, "no order_submitted audit row for this payment"));
        }
        JsonNode p = AuditLinks.json(payload);
        if (!p.isObject()) {
            v.add(new Violation("outbox_payload", where, "the payload is not a JSON object"));
            return;
        }
        String goods = rs.getString(8) == null ? null : rs.getString(8);
        field(p, "txnId", txn, where, v);
        field(p, "amountMinor", rs.getString(3), where, v);
        field(p, "currency", rs.getString(4), where, v);
        field(p, "msisdn", rs.getString(5), where, v);
        field(p, "productId", rs.getString(6), where, v);
        field(p, "operatorId", rs.getString(7), where, v);
        if (p.has("goods") && !p.path("goods").asText().equalsIgnoreCase(goods)) {
            v.add(new Violation("outbox_payload", where, "payload goods " + p.path("goods").asText()
                    + " but the order is a " + goods));
        }
    }

    /** A field the payload has must say what the order says; an absent one is checked by the digest alone. */
    private static void field(JsonNode p, String name, String expected, String where, List<Violation> v) {
        if (!p.has(name)) {
            return;
        }
        String actual = p.get(name).isNull() ? null : p.get(name).asText();
        if (!Objects.equals(actual, expected)) {
            String shown = name.equals("msisdn") ? "differs from the order's number"
                    : actual + " but the order says " + expected;
            v.add(new Violation("outbox_payload", where, "payload " + name + " " + shown));
        }
    }
}
