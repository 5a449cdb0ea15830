package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Payment requests waiting for the sync dispatcher. A row is PENDING until the carrier gives a final answer. */
final class OutboxRepository {

    private final Sql sql;

    OutboxRepository(Connection c) {
        sql = new Sql(c);
    }

    void insert(String txnId, String payloadJson, long now) throws SQLException {
        sql.update("INSERT INTO outbox (txn_id, payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, "
                + "'PENDING', 0, ?, ?)", txnId, payloadJson, now, now);
    }

    List<OutboxItem> due(Instant now, int limit) throws SQLException {
        return sql.list("SELECT txn_id, payload, attempts, next_attempt_at, last_error, created_at FROM outbox WHERE "
                + "status = 'PENDING' AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?",
                rs -> new OutboxItem(rs.getString(1), rs.getString(2), rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))),
                now.toEpochMilli(), limit);
    }

    /** Marks the row done; false when it was not pending (already done, or never submitted). */
    boolean markDone(String txnId, long now) throws SQLException {
        return sql.update("UPDATE outbox SET status = 'DONE', done_at = ? WHERE txn_id = ? AND status = 'PENDING'", now,
                txnId) == 1;
    }

    boolean scheduleRetry(String txnId, long nextMillis, String error) throws SQLException {
        return sql.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE "
                + "txn_id = ? AND status = 'PENDING'", nextMillis, error, txnId) == 1;
    }

    OutboxStatus status(long nowMillis) throws SQLException {
        OutboxStatus pending = sql.one("SELECT count(*), min(created_at), coalesce(max(attempts), 0) FROM outbox "
                + "WHERE status = 'PENDING'", rs -> {
                    int count = rs.getInt(1);
                    long oldest = rs.getLong(2);
                    Duration age = count == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, nowMillis - oldest));
                    return new OutboxStatus(count, age, rs.getInt(3), null);
                }).orElseThrow();
        String error = sql.one("SELECT last_error FROM outbox WHERE status = 'PENDING' AND last_error IS NOT NULL "
                + "ORDER BY next_attempt_at DESC, id DESC LIMIT 1", rs -> rs.getString(1)).orElse(null);
        return new OutboxStatus(pending.pendingCount(), pending.oldestPendingAge(), pending.maxAttempts(), error);
    }
}
