package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Payment requests waiting for the sync dispatcher. A row is PENDING until the carrier gives a final answer; a PENDING
 * row with an {@code outbox_conflicts} row is in CONFLICT: the carrier holds its txn id for another payment, so it is
 * not sent again (not due, not counted as waiting) until a technician reconciles it.
 */
final class OutboxRepository {

    private static final String NO_CONFLICT = "txn_id NOT IN (SELECT txn_id FROM outbox_conflicts)";

    private final Sql sql;

    OutboxRepository(Connection c) {
        sql = new Sql(c);
    }

    void insert(String txnId, String payloadJson, long now) throws SQLException {
        sql.update("INSERT INTO outbox (txn_id, payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, "
                + "'PENDING', 0, ?, ?)", txnId, payloadJson, now, now);
    }

    List<OutboxItem> due(Instant now, int limit) throws SQLException {
        return due(now, Instant.MAX, limit);
    }

    /** Due at {@code now}, or scheduled after {@code later} (no backoff reaches that far: the clock went back). */
    List<OutboxItem> due(Instant now, Instant later, int limit) throws SQLException {
        long laterMillis = later.equals(Instant.MAX) ? Long.MAX_VALUE : later.toEpochMilli();
        return sql.list("SELECT txn_id, payload, attempts, next_attempt_at, last_error, created_at FROM outbox WHERE "
                + "status = 'PENDING' AND (next_attempt_at <= ? OR next_attempt_at > ?) AND " + NO_CONFLICT
                + " ORDER BY created_at, id LIMIT ?",
                rs -> new OutboxItem(rs.getString(1), rs.getString(2), rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))),
                now.toEpochMilli(), laterMillis, limit);
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
                + "WHERE status = 'PENDING' AND " + NO_CONFLICT, rs -> {
                    int count = rs.getInt(1);
                    long oldest = rs.getLong(2);
                    Duration age = count == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, nowMillis - oldest));
                    return new OutboxStatus(count, age, rs.getInt(3), null);
                }).orElseThrow();
        String error = sql.one("SELECT last_error FROM outbox WHERE status = 'PENDING' AND last_error IS NOT NULL "
                + "AND " + NO_CONFLICT + " ORDER BY next_attempt_at DESC, id DESC LIMIT 1", rs -> rs.getString(1))
                .orElse(null);
        int conflicts = sql.one("SELECT count(*) FROM outbox o JOIN outbox_conflicts k ON k.txn_id = o.txn_id WHERE "
                + "o.status = 'PENDING'", rs -> rs.getInt(1)).orElse(0);
        return new OutboxStatus(pending.pendingCount(), pending.oldestPendingAge(), pending.maxAttempts(), error,
                conflicts);
    }

    /** Marks a PENDING row CONFLICT; false when it was not pending or is in conflict already. */
    boolean markConflict(String txnId, String code, String detail, long now) throws SQLException {
        boolean pending = sql.one("SELECT 1 FROM outbox WHERE txn_id = ? AND status = 'PENDING' AND " + NO_CONFLICT,
                rs -> 1, txnId).isPresent();
        if (!pending) {
            return false;
        }
        sql.update("INSERT INTO outbox_conflicts (txn_id, code, detail, ts) VALUES (?, ?, ?, ?)", txnId, code, detail,
                now);
        return true;
    }

    /** Payments in CONFLICT, oldest first. */
    List<OutboxConflict> conflicts() throws SQLException {
        return sql.list("SELECT k.txn_id, k.code, k.detail, k.ts, o.attempts FROM outbox_conflicts k JOIN outbox o ON "
                + "o.txn_id = k.txn_id WHERE o.status = 'PENDING' ORDER BY k.id", rs -> new OutboxConflict(
                rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                rs.getInt(5)));
    }
}
