package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Payment requests waiting for the sync dispatcher. A row is PENDING until the carrier gives a final answer. */
final class OutboxRepository {

    private final PreparedStatement insert;
    private final PreparedStatement due;
    private final PreparedStatement done;
    private final PreparedStatement retry;
    private final PreparedStatement status;
    private final PreparedStatement lastError;

    OutboxRepository(Connection c) throws SQLException {
        insert = c.prepareStatement("INSERT INTO outbox (txn_id, payload, status, attempts, next_attempt_at, "
                + "created_at) VALUES (?, ?, 'PENDING', 0, ?, ?)");
        due = c.prepareStatement("SELECT txn_id, payload, attempts, next_attempt_at, last_error, created_at "
                + "FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?");
        done = c.prepareStatement("UPDATE outbox SET status = 'DONE', done_at = ? "
                + "WHERE txn_id = ? AND status = 'PENDING'");
        retry = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE txn_id = ? AND status = 'PENDING'");
        status = c.prepareStatement("SELECT count(*), min(created_at), coalesce(max(attempts), 0) FROM outbox "
                + "WHERE status = 'PENDING'");
        lastError = c.prepareStatement("SELECT last_error FROM outbox WHERE status = 'PENDING' "
                + "AND last_error IS NOT NULL ORDER BY next_attempt_at DESC, id DESC LIMIT 1");
    }

    void insert(String txnId, String payloadJson, long now) throws SQLException {
        Sql.update(insert, txnId, payloadJson, now, now);
    }

    List<OutboxItem> due(Instant now, int limit) throws SQLException {
        return Sql.list(due, rs -> new OutboxItem(rs.getString(1), rs.getString(2), rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))),
                now.toEpochMilli(), limit);
    }

    /** Marks the row done; false when it was not pending (already done, or never submitted). */
    boolean markDone(String txnId, long now) throws SQLException {
        return Sql.update(done, now, txnId) == 1;
    }

    boolean scheduleRetry(String txnId, long nextMillis, String error) throws SQLException {
        return Sql.update(retry, nextMillis, error, txnId) == 1;
    }

    OutboxStatus status(long nowMillis) throws SQLException {
        int count;
        Duration age;
        int maxAttempts;
        try (ResultSet rs = status.executeQuery()) {
            rs.next();
            count = rs.getInt(1);
            long oldest = rs.getLong(2);
            age = count == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, nowMillis - oldest));
            maxAttempts = rs.getInt(3);
        }
        String error = Sql.one(lastError, rs -> rs.getString(1)).orElse(null);
        return new OutboxStatus(count, age, maxAttempts, error);
    }
}
