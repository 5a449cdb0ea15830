package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * Checks a journal against the money rules, reading the raw tables (not the repositories) so it also catches rows
 * edited behind the application's back. Run inside one read transaction for a consistent snapshot.
 */
final class JournalVerifier {

    private static final String LIVE = "('OPEN', 'PENDING', 'CONFIRMED')";

    /** A further check over the raw tables (the cash box's encashments, the counter's shifts). */
    @FunctionalInterface
    interface Check {
        void check(Connection c, List<Violation> v) throws SQLException;
    }

    private final String currency;
    private final AuditSeal seal;
    private final List<Check> checks;

    JournalVerifier(String currency, AuditSeal seal, Check... checks) {
        this.currency = currency;
        this.seal = seal;
        this.checks = List.of(checks);
    }

    AuditSeal seal() {
        return seal;
    }

    /** {@code paper} is a head read off a Z or encashment report, or null. */
    VerifyReport verify(Connection c, AuditHead paper) throws SQLException {
        List<Violation> v = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            long stacked = scalar(st, "SELECT coalesce(sum(amount_minor), 0) FROM cash_events");
            // A live order holds what was paid into it, less the change that left it on a voucher (an e-PIN's).
            long applied = scalar(st, "SELECT coalesce(sum(cash_minor + credit_applied_minor - change_minor), 0) "
                    + "FROM orders WHERE status IN " + LIVE);
            long creditsOpen = scalar(st, "SELECT coalesce(sum(amount_minor), 0) FROM customer_credits cc "
                    + "WHERE NOT EXISTS (SELECT 1 FROM credit_redemptions r WHERE r.code = cc.code)");
            long refunds = scalar(st, "SELECT coalesce(sum(amount_minor), 0) FROM refunds");
            if (stacked != applied + creditsOpen + refunds) {
                v.add(new Violation("invariant", "journal", "stacked " + money(stacked) + " != applied to live orders "
                        + money(applied) + " + open credits " + money(creditsOpen) + " + refunds " + money(refunds)
                        + " (difference " + money(stacked - applied - creditsOpen - refunds) + ")"));
            }
            checkOrders(st, v);
            checkCredits(st, v);
            checkGoods(st, v);
            for (Check check : checks) {
                check.check(c, v);
            }
            long auditRows = ChainCheck.check(c, seal, paper, v);
            AuditLinks links = new AuditLinks();
            links.check(c, v);
            PaperCheck.check(c, seal.key(), links, v);
            SchemaCheck.check(c, v);
            long orders = scalar(st, "SELECT count(*) FROM orders");
            String figures = "orders=" + orders + " stacked=" + money(stacked) + " credits_open=" + money(creditsOpen)
                    + " refunds=" + money(refunds) + " audit=" + auditRows + FiscalJournal.figures(c);
            String summary = v.isEmpty() ? "journal ok " + figures
                    : "journal FAILED violations=" + v.size() + " " + figures;
            return new VerifyReport(summary, v);
        }
    }

    private void checkOrders(Statement st, List<Violation> v) throws SQLException {
        perTxn(st, v, "order_cash",
                "SELECT o.txn_id, o.cash_minor, coalesce(sum(ce.amount_minor), 0) FROM orders o "
                + "LEFT JOIN cash_events ce ON ce.txn_id = o.txn_id GROUP BY o.id "
                + "HAVING o.cash_minor <> coalesce(sum(ce.amount_minor), 0)",
                rs -> "cash_minor " + money(rs.getLong(2))
                        + " but its stacked notes sum to " + money(rs.getLong(3)));
        perTxn(st, v, "order_credit",
                "SELECT o.txn_id, o.credit_applied_minor, coalesce(sum(cc.amount_minor), 0) FROM orders o "
                + "LEFT JOIN credit_redemptions r ON r.txn_id = o.txn_id "
                + "LEFT JOIN customer_credits cc ON cc.code = r.code GROUP BY o.id "
                + "HAVING o.credit_applied_minor <> coalesce(sum(cc.amount_minor), 0)",
                rs -> "credit_applied_minor "
                        + money(rs.getLong(2)) + " but credits redeemed into it sum to " + money(rs.getLong(3)));
        perTxn(st, v, "order_total",
                "SELECT txn_id, status, amount_minor, fee_minor, cash_minor, credit_applied_minor, change_minor "
                + "FROM orders WHERE status IN ('PENDING', 'CONFIRMED') AND amount_minor + fee_minor + change_minor "
                + "<> cash_minor + credit_applied_minor",
                rs -> rs.getString(2) + " order: amount "
                        + money(rs.getLong(3)) + " + fee " + money(rs.getLong(4)) + " + change " + money(rs.getLong(7))
                        + " != cash " + money(rs.getLong(5)) + " + credit " + money(rs.getLong(6)));
        perTxn(st, v, "outbox",
                "SELECT o.txn_id, coalesce(ob.status, 'missing') FROM orders o LEFT JOIN outbox ob "
                + "ON ob.txn_id = o.txn_id WHERE o.status = 'PENDING' AND coalesce(ob.status, '') <> 'PENDING'",
                rs -> "PENDING order but its outbox row is " + rs.getString(2) + "; it will never be sent");
        perTxn(st, v, "outbox",
                "SELECT ob.txn_id, o.status FROM outbox ob JOIN orders o ON o.txn_id = ob.txn_id "
                + "WHERE ob.status = 'PENDING' AND o.status <> 'PENDING'",
                rs -> "outbox row still PENDING but the order is " + rs.getString(2) + "; it would be sent again");
        perTxn(st, v, "order_credit_owed",
                "SELECT o.txn_id, o.status, o.cash_minor + o.credit_applied_minor - o.change_minor, "
                + "coalesce(cc.amount_minor, 0) FROM orders o LEFT JOIN customer_credits cc ON cc.source_txn = o.txn_id "
                + "WHERE o.status IN ('CANCELLED', 'REFUSED') "
                + "AND o.cash_minor + o.credit_applied_minor - o.change_minor <> coalesce(cc.amount_minor, 0)",
                rs -> rs.getString(2)
                        + " order took " + money(rs.getLong(3)) + " but its credit is " + money(rs.getLong(4)));
    }

    /**
     * e-PIN and eSIM orders (schema V2): an order's change voucher exists and is worth its change; every submitted goods
     * order has its claim code; a confirmed one has its goods and nothing else has any; every credit comes from
     * somewhere (an order, a note, or an order's change).
     */
    private void checkGoods(Statement st, List<Violation> v) throws SQLException {
        perTxn(st, v, "order_change",
                "SELECT o.txn_id, o.change_minor, coalesce(cc.amount_minor, 0) FROM orders o "
                + "LEFT JOIN customer_credits cc ON cc.code = o.change_credit "
                + "WHERE o.change_minor > 0 AND coalesce(cc.amount_minor, 0) <> o.change_minor",
                rs -> "change " + money(rs.getLong(2))
                        + " but its change voucher is worth " + money(rs.getLong(3)));
        perTxn(st, v, "goods_claim",
                "SELECT o.txn_id, o.status FROM orders o WHERE o.kind IN ('epin', 'esim') AND o.status IN "
                + "('PENDING', 'CONFIRMED', 'REFUSED') AND NOT EXISTS "
                + "(SELECT 1 FROM goods_claims g WHERE g.txn_id = o.txn_id AND g.kind = o.kind)",
                rs -> rs.getString(2)
                        + " goods order without its claim code: a pending receipt could not be claimed");
        perTxn(st, v, "goods_missing",
                "SELECT o.txn_id, o.kind FROM orders o WHERE o.kind IN ('epin', 'esim') AND o.status = 'CONFIRMED' "
                + "AND NOT EXISTS (SELECT 1 FROM issued_goods g WHERE g.txn_id = o.txn_id AND g.kind = o.kind)",
                rs -> "CONFIRMED " + rs.getString(2)
                        + " order without the goods the carrier issued");
        perTxn(st, v, "goods_unexpected",
                "SELECT g.txn_id, coalesce(o.status, 'missing'), coalesce(o.kind, '?'), g.kind FROM issued_goods g "
                + "LEFT JOIN orders o ON o.txn_id = g.txn_id WHERE o.status IS NOT 'CONFIRMED' OR o.kind <> g.kind",
                rs -> rs.getString(4)
                        + " goods recorded for a " + rs.getString(2) + " " + rs.getString(3) + " order");
        each(st, "SELECT cc.code, cc.amount_minor FROM customer_credits cc WHERE cc.source_txn IS NULL "
                + "AND cc.source_note_id IS NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.change_credit = cc.code)",
                rs -> v.add(new Violation("credit_without_source", "code=" + mask(rs.getString(1)),
                        money(rs.getLong(2)) + " credit issued for no order, note or change")));
    }

    private static String mask(String code) {
        return code == null || code.length() <= 4 ? "****" : "****" + code.substring(code.length() - 4);
    }

    private void checkCredits(Statement st, List<Violation> v) throws SQLException {
        each(st, "SELECT code, count(*) FROM credit_redemptions GROUP BY code HAVING count(*) > 1",
                rs -> v.add(new Violation("credit_redeemed_twice", "code=" + rs.getString(1),
                        "redeemed " + rs.getLong(2) + " times")));
        each(st, "SELECT ce.note_id, ce.amount_minor FROM cash_events ce WHERE ce.txn_id IS NULL AND NOT EXISTS "
                + "(SELECT 1 FROM customer_credits cc WHERE cc.source_note_id = ce.note_id)",
                rs -> v.add(new Violation("note_without_owner", "note=" + rs.getString(1),
                        money(rs.getLong(2)) + " stacked with no order and no credit")));
    }

    private String money(long minor) {
        return new Money(minor, currency).plain();
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface RowProblem {
        String describe(ResultSet rs) throws SQLException;
    }

    /** Every row of {@code sql} is a violation of {@code kind} by the order whose txn id is its first column. */
    private static void perTxn(Statement st, List<Violation> v, String kind, String sql, RowProblem problem)
            throws SQLException {
        each(st, sql, rs -> v.add(new Violation(kind, "txn=" + rs.getString(1), problem.describe(rs))));
    }

    private static void each(Statement st, String sql, RowHandler handler) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
