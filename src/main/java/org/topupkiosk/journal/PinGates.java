package org.topupkiosk.journal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * The PIN lockouts of the service menu and the counter's cashiers, in the journal so a restart does not clear them.
 * Each change is one transaction with its audit row (the chain keeps every attempt; the row here is only the current
 * count). The policy (how many failures, how long) is the caller's; this only keeps the state.
 */
public final class PinGates {

    private final SqliteStore store;
    private final AuditChain audit;
    private final Sql sql;
    private final Clock clock;

    PinGates(SqliteStore store, AuditChain audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.sql = new Sql(store.connection());
        this.clock = clock;
    }

    /** The gate's state; {@link PinGate#FRESH} when it never saw a wrong PIN. */
    public PinGate state(String gate) {
        requireGate(gate);
        return store.read("read PIN gate", c -> find(gate));
    }

    /**
     * Stores the gate's new state and appends its audit row ({@code auditKind}, {@code auditJson}: never the PIN) in one
     * transaction.
     */
    public void record(String gate, PinGate next, String auditKind, String auditJson) {
        requireGate(gate);
        String data = AuditChain.canonical(auditJson);
        store.write("record PIN gate " + auditKind, c -> {
            long now = clock.millis();
            sql.update("INSERT INTO pin_gates (gate, failures, lockouts, locked_until, updated_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (gate) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, "
                    + "locked_until = excluded.locked_until, updated_at = excluded.updated_at",
                    gate, next.failures(), next.lockouts(), next.lockedUntil().toEpochMilli(), now);
            audit.append(now, auditKind, null, data);
            return null;
        });
    }

    private PinGate find(String gate) throws SQLException {
        return sql.one("SELECT failures, lockouts, locked_until FROM pin_gates WHERE gate = ?",
                rs -> new PinGate(rs.getInt(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3))), gate)
                .orElse(PinGate.FRESH);
    }

    private static void requireGate(String gate) {
        if (gate == null || gate.isBlank()) {
            throw new IllegalArgumentException("a PIN gate needs a name");
        }
    }
}
