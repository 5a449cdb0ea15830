package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/** The append-only cash_events table: one row per stacked note, keyed by the note id the driver gives it. */
final class CashRepository {

    /** A note already journaled; {@code txnId} is null when it was stacked with no order. */
    record StackedNote(String noteId, Money amount, String txnId) {}

    private final Sql sql;

    CashRepository(Connection c) {
        sql = new Sql(c);
    }

    Optional<StackedNote> find(String noteId) throws SQLException {
        return sql.one("SELECT amount_minor, currency, txn_id FROM cash_events WHERE note_id = ?",
                rs -> new StackedNote(noteId, new Money(rs.getLong(1), rs.getString(2)), rs.getString(3)),
                noteId);
    }

    /** Every note ever journaled, in or out of an order. */
    Money stackedTotal() throws SQLException {
        return sql.one("SELECT COALESCE(SUM(amount_minor), 0) FROM cash_events", rs -> Money.rubMinor(rs.getLong(1)))
                .orElseThrow();
    }

    void insertStacked(Money amount, String noteId, String txnId, long now) throws SQLException {
        sql.update("INSERT INTO cash_events (kind, amount_minor, currency, note_id, txn_id, ts) VALUES ('stacked', ?, "
                + "?, ?, ?, ?)", amount.minor(), amount.currency(), noteId, txnId, now);
    }
}
