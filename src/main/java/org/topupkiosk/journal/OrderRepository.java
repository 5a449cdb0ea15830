package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** The orders table and the transaction-id counter. Runs inside the caller's transaction; keeps no state. */
final class OrderRepository {

    private static final String COLUMNS = "txn_id, kind, msisdn, operator_id, product_id, status, amount_minor, "
            + "fee_minor, cash_minor, credit_applied_minor, currency, offline, carrier_ref, refusal_code, created_at, "
            + "updated_at, receipt_printed, change_minor";

    private final Connection c;
    private final Sql sql;

    OrderRepository(Connection c) {
        this.c = c;
        sql = new Sql(c);
    }

    /**
     * The next transaction id, {@code <kiosk>-<epoch>-<sequence>}: the counter only grows, and the epoch is this life's
     * ({@link JournalEpochs}), so even a journal restored from a backup never hands out an id the carrier has seen.
     */
    String nextTxnId(String kioskId, String epoch) throws SQLException {
        sql.update("UPDATE counters SET value = value + 1 WHERE name = 'txn_seq'");
        long seq = sql.one("SELECT value FROM counters WHERE name = 'txn_seq'", rs -> rs.getLong(1)).orElseThrow();
        return String.format(Locale.ROOT, "%s-%s-%06d", kioskId, epoch, seq);
    }

    /** Journals what the order was opened for (once, append-only). */
    void insertTerms(String txnId, OrderTerms terms, long now) throws SQLException {
        sql.update("INSERT INTO order_terms (txn_id, price_minor, currency, product_json, created_at) VALUES (?, ?, ?, "
                + "?, ?)", txnId, terms.price().minor(), terms.price().currency(), terms.productJson(), now);
    }

    Optional<OrderTerms> terms(String txnId) throws SQLException {
        return sql.one("SELECT price_minor, currency, product_json FROM order_terms WHERE txn_id = ?",
                rs -> new OrderTerms(new Money(rs.getLong(1), rs.getString(2)), rs.getString(3)), txnId);
    }

    void insert(String txnId, String kind, String operatorId, Msisdn msisdn, String productId, String currency,
                long now) throws SQLException {
        sql.update("INSERT INTO orders (txn_id, kind, operator_id, msisdn, product_id, status, currency, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)", txnId, kind, operatorId,
                msisdn == null ? null : msisdn.e164(), productId, currency, now, now);
    }

    Optional<Order> find(String txnId) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE txn_id = ?", OrderRepository::map, txnId);
    }

    /** The order or an exception naming the unknown id. */
    Order require(String txnId) throws SQLException {
        return find(txnId).orElseThrow(() -> new IllegalArgumentException("no order with txn id " + txnId));
    }

    /** Just the status, for the hot path of a stacked note. */
    OrderStatus requireStatusOf(String txnId) throws SQLException {
        return sql.one("SELECT status FROM orders WHERE txn_id = ?", rs -> OrderStatus.valueOf(rs.getString(1)), txnId)
                .orElseThrow(() -> new IllegalArgumentException("no order with txn id " + txnId));
    }

    Optional<Order> findOpen() throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE status = 'OPEN' ORDER BY id DESC LIMIT 1",
                OrderRepository::map);
    }

    List<Order> byStatus(List<OrderStatus> statuses) throws SQLException {
        String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        List<Order> out = new ArrayList<>();
        try (var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM orders"
                     + (statuses.isEmpty() ? "" : " WHERE status IN (" + in + ")") + " ORDER BY id")) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    void addCash(String txnId, long minor, long now) throws SQLException {
        requireOneRow(sql.update("UPDATE orders SET cash_minor = cash_minor + ?, updated_at = ? WHERE txn_id = ? AND "
                + "status = 'OPEN'", minor, now, txnId), txnId);
    }

    void addCredit(String txnId, long minor, long now) throws SQLException {
        requireOneRow(sql.update("UPDATE orders SET credit_applied_minor = credit_applied_minor + ?, updated_at = ? "
                + "WHERE txn_id = ? AND status = 'OPEN'", minor, now, txnId), txnId);
    }

    void submit(String txnId, long amountMinor, long feeMinor, boolean offline, long now) throws SQLException {
        requireOneRow(sql.update("UPDATE orders SET status = 'PENDING', amount_minor = ?, fee_minor = ?, offline = ?, "
                + "updated_at = ? WHERE txn_id = ? AND status = 'OPEN'", amountMinor, feeMinor, offline, now,
                txnId), txnId);
    }

    /** OPEN to PENDING for goods sold online; {@code changeCredit} is the overpayment voucher's code, or null. */
    void submitGoods(String txnId, long amountMinor, long feeMinor, long changeMinor, String changeCredit, long now)
            throws SQLException {
        requireOneRow(sql.update("UPDATE orders SET status = 'PENDING', amount_minor = ?, fee_minor = ?, change_minor "
                + "= ?, change_credit = ?, updated_at = ? WHERE txn_id = ? AND status = 'OPEN'", amountMinor, feeMinor,
                changeMinor, changeCredit, now, txnId), txnId);
    }

    /** Moves {@code from} to {@code to}; the transition table and the WHERE (current status) both guard it. */
    void move(String txnId, OrderStatus from, OrderStatus to, String carrierRef, String refusalCode, long now)
            throws SQLException {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("order " + txnId + ": no transition " + from + " -> " + to);
        }
        requireOneRow(sql.update("UPDATE orders SET status = ?, carrier_ref = COALESCE(?, carrier_ref), refusal_code "
                + "= COALESCE(?, refusal_code), updated_at = ? WHERE txn_id = ? AND status = ?", to.name(), carrierRef,
                refusalCode, now, txnId, from.name()), txnId);
    }

    void markReceiptPrinted(String txnId, long now) throws SQLException {
        sql.update("UPDATE orders SET receipt_printed = 1, updated_at = ? WHERE txn_id = ?", now, txnId);
    }

    private static void requireOneRow(int rows, String txnId) {
        if (rows != 1) {
            throw new IllegalStateException("order " + txnId + " changed under us (updated " + rows + " rows)");
        }
    }

    private static Order map(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        String msisdn = rs.getString("msisdn");
        return new Order(rs.getString("txn_id"), rs.getString("kind"), msisdn == null ? null : new Msisdn(msisdn),
                rs.getString("operator_id"), rs.getString("product_id"), OrderStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), currency), new Money(rs.getLong("fee_minor"), currency),
                new Money(rs.getLong("cash_minor"), currency),
                new Money(rs.getLong("credit_applied_minor"), currency), rs.getInt("offline") == 1,
                rs.getString("carrier_ref"), rs.getString("refusal_code"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getInt("receipt_printed") == 1, new Money(rs.getLong("change_minor"), currency));
    }
}
