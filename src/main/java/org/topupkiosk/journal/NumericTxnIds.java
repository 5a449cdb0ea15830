package org.topupkiosk.journal;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Numeric transaction ids (V8, {@code osmp_txn_ids}), for protocols whose {@code txn_id} is a number: 19 digits, a
 * 13-digit prefix drawn at random by this life (and again every {@value #PER_PREFIX} ids) then a 6-digit sequence.
 * The same rule as the text ids' epoch ({@link JournalEpochs}): a restored journal's next life draws a fresh prefix,
 * so no id the provider has seen comes back. Two lives share a prefix with a chance of about n^2 / 1.6*10^13 for n
 * prefixes ever drawn (10^-5 for 10^4), and this journal refuses a prefix it has used.
 *
 * <p>Ids are reserved outside the order's transaction ({@link #reserve}; a prefix is drawn in a transaction of its
 * own, like the epoch) and stored in it ({@link #insert}); a rolled-back order leaves a gap, never a reuse.
 */
final class NumericTxnIds {

    static final int PREFIX_DIGITS = 13;
    static final int PER_PREFIX = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SqliteStore store;
    private final Clock clock;
    private final AuditChain audit;
    private final Sql sql;
    private String prefix;
    private int next = PER_PREFIX;

    NumericTxnIds(SqliteStore store, Clock clock, AuditChain audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.sql = new Sql(store.connection());
    }

    /** The next id of this life; call it outside any journal transaction. */
    synchronized String reserve() {
        if (next >= PER_PREFIX) {
            prefix = store.write("draw numeric txn id prefix", c -> draw());
            next = 1;
        }
        return prefix + String.format(Locale.ROOT, "%06d", next++);
    }

    /** Stores the order's id inside the caller's write transaction (the one opening the order). */
    void insert(String txnId, String numericId, long now) throws SQLException {
        sql.update("INSERT INTO osmp_txn_ids (txn_id, numeric_id, created_at) VALUES (?, ?, ?)", txnId, numericId, now);
    }

    Optional<String> find(String txnId) throws SQLException {
        return sql.one("SELECT numeric_id FROM osmp_txn_ids WHERE txn_id = ?", rs -> rs.getString(1), txnId);
    }

    /**
     * The order's numeric id; an order opened before V8 (still in the outbox at the upgrade) gets one now, stored with
     * an audit row before it is first sent.
     */
    String of(String txnId) {
        Optional<String> stored = store.read("read numeric txn id", c -> find(txnId));
        if (stored.isPresent()) {
            return stored.get();
        }
        String numeric = reserve();
        return store.write("make numeric txn id " + txnId, c -> {
            Optional<String> raced = find(txnId);
            if (raced.isPresent()) {
                return raced.get();
            }
            long now = clock.millis();
            insert(txnId, numeric, now);
            audit.append(now, "numeric_txn_id", txnId, AuditChain.data("numeric_txn_id", numeric));
            return numeric;
        });
    }

    private String draw() throws SQLException {
        for (int attempt = 0; attempt < 10; attempt++) {
            // First digit 1-8: every id has 19 digits and stays below 9*10^18, inside a signed 64-bit integer.
            StringBuilder p = new StringBuilder().append(1 + RANDOM.nextInt(8));
            while (p.length() < PREFIX_DIGITS) {
                p.append(RANDOM.nextInt(10));
            }
            String drawn = p.toString();
            if (sql.one("SELECT 1 FROM osmp_txn_prefixes WHERE prefix = ?", rs -> 1, drawn).isPresent()) {
                continue;
            }
            long now = clock.millis();
            sql.update("INSERT INTO osmp_txn_prefixes (prefix, drawn_at) VALUES (?, ?)", drawn, now);
            audit.append(now, "numeric_txn_prefix", null, AuditChain.data("prefix", drawn));
            return drawn;
        }
        throw new IllegalStateException("cannot draw a numeric txn id prefix this journal has not used after 10 tries");
    }
}
