package org.topupkiosk.journal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * This life's journal epoch: 48 random bits, drawn once per opening of the journal before its first transaction id,
 * recorded in {@code journal_epochs} with an audit row, and written into every id this life makes
 * ({@code <kiosk>-<epoch>-<sequence>}).
 *
 * <p>Why per life and not once per journal file: a journal restored from a backup (or recreated) carries an older
 * sequence counter, and so would carry the older epoch too; the carrier has seen the ids that came after the backup.
 * A restored file can only be put in place while the kiosk is stopped, so the next life's fresh epoch is the restore's
 * fresh epoch: no outside file to keep in step, no wall clock. A kiosk lives through perhaps 10^4 lives; with 48 bits
 * the chance that two of them draw the same epoch is about 10^-7, and this journal refuses an epoch it already used.
 */
final class JournalEpochs {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final SqliteStore store;
    private final Clock clock;
    private final AuditChain audit;
    private final Sql sql;
    private String current;

    JournalEpochs(SqliteStore store, Clock clock, AuditChain audit, Connection c) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.sql = new Sql(c);
    }

    /** This life's epoch, drawn and journaled (its own transaction) the first time an id is needed. */
    synchronized String current() {
        if (current == null) {
            current = store.write("draw journal epoch", c -> draw());
        }
        return current;
    }

    private String draw() throws SQLException {
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] bits = new byte[6];
            RANDOM.nextBytes(bits);
            String epoch = HEX.formatHex(bits);
            if (sql.one("SELECT 1 FROM journal_epochs WHERE epoch = ?", rs -> 1, epoch).isPresent()) {
                continue;
            }
            long now = clock.millis();
            sql.update("INSERT INTO journal_epochs (epoch, started_at) VALUES (?, ?)", epoch, now);
            long seq = sql.one("SELECT value FROM counters WHERE name = 'txn_seq'", rs -> rs.getLong(1)).orElse(0L);
            audit.append(now, "journal_epoch", null, AuditChain.data("epoch", epoch, "txn_seq", seq));
            return epoch;
        }
        throw new IllegalStateException("cannot draw a journal epoch this journal has not used after 10 tries");
    }
}
