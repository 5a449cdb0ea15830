package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Receipt bodies kept until printed, so a receipt lost to a power cut or paper-out is printed after restart. */
final class ReceiptRepository {

    private static final String COLUMNS = "receipt_id, txn_id, kind, body, printed, created_at, printed_at";

    private final Sql sql;

    ReceiptRepository(Connection c) {
        sql = new Sql(c);
    }

    void insert(String receiptId, String txnId, String kind, String body, long now) throws SQLException {
        sql.update("INSERT INTO receipts (receipt_id, txn_id, kind, body, printed, created_at) VALUES (?, ?, ?, ?, 0, "
                + "?)", receiptId, txnId, kind, body, now);
    }

    Optional<StoredReceipt> find(String receiptId) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM receipts WHERE receipt_id = ?", ReceiptRepository::map, receiptId);
    }

    List<StoredReceipt> unprinted() throws SQLException {
        return sql.list("SELECT " + COLUMNS + " FROM receipts WHERE printed = 0 ORDER BY id", ReceiptRepository::map);
    }

    List<StoredReceipt> recent(int limit) throws SQLException {
        return sql.list("SELECT " + COLUMNS + " FROM receipts ORDER BY id DESC LIMIT ?", ReceiptRepository::map, limit);
    }

    /** False when it was already marked printed. */
    boolean markPrinted(String receiptId, long now) throws SQLException {
        return sql.update("UPDATE receipts SET printed = 1, printed_at = ? WHERE receipt_id = ? AND printed = 0", now,
                receiptId) == 1;
    }

    private static StoredReceipt map(ResultSet rs) throws SQLException {
        long printedAt = rs.getLong("printed_at");
        Instant printedInstant = rs.wasNull() ? null : Instant.ofEpochMilli(printedAt);
        return new StoredReceipt(rs.getString("receipt_id"), rs.getString("txn_id"), rs.getString("kind"),
                rs.getString("body"), rs.getInt("printed") == 1, Instant.ofEpochMilli(rs.getLong("created_at")),
                printedInstant);
    }
}
