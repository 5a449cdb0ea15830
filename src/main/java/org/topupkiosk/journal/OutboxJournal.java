package org.topupkiosk.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The journal's outbox verbs ({@link Journal#outbox()}): the payments due to the carrier, a failed attempt's retry, a
 * carrier conflict, and the backlog. Each write is one transaction with its audit row, as everywhere in the journal.
 */
public final class OutboxJournal {

    private final SqliteStore store;
    private final Clock clock;
    private final OutboxRepository outbox;
    private final AuditChain audit;
    private final NumericTxnIds numericIds;

    OutboxJournal(SqliteStore store, Clock clock, OutboxRepository outbox, AuditChain audit) {
        this.store = store;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
        this.numericIds = new NumericTxnIds(store, clock, audit);
    }

    /**
     * The order's numeric transaction id (19 digits, for OSMP's numeric {@code txn_id}), made once when the order was
     * opened; an order opened before the journal had them gets one now, stored before it is sent.
     */
    public String numericTxnId(String txnId) {
        return numericIds.of(txnId);
    }

    /** PENDING outbox rows due at {@code now}, oldest first. */
    public List<OutboxItem> due(Instant now, int limit) {
        return store.read("read due outbox", c -> outbox.due(now, limit));
    }

    /**
     * As {@link #due(Instant, int)}, and also rows scheduled more than {@code longestBackoff} after {@code now}:
     * no retry is ever scheduled that far ahead, so the clock was set back since (a Raspberry Pi has no real-time
     * clock) and the payment would otherwise wait out the difference.
     */
    public List<OutboxItem> due(Instant now, Duration longestBackoff, int limit) {
        Instant later = now.plus(longestBackoff);
        return store.read("read due outbox", c -> outbox.due(now, later, limit));
    }

    /** Counts a failed attempt and sets the next one; only for a PENDING outbox row. */
    public void scheduleRetry(String txnId, Instant next, String error) {
        Objects.requireNonNull(next, "next");
        store.write("schedule retry " + txnId, c -> {
            if (!outbox.scheduleRetry(txnId, next.toEpochMilli(), error)) {
                throw new IllegalStateException("no PENDING outbox row for " + txnId);
            }
            audit.append(clock.millis(), "outbox_retry", txnId, AuditChain.data("next_attempt_at",
                    next.toString(), "error", error));
            return null;
        });
    }

    /**
     * The carrier answered that it holds {@code txnId} for another payment: the outbox row goes to CONFLICT (never sent
     * again), with an audit row ({@code payment_conflict}) for the alarm, in one transaction. The order stays PENDING
     * with its money. Returns false (and writes nothing) when the row was not pending or is in conflict already.
     */
    public boolean markConflict(String txnId, String code, String detail) {
        LedgerRules.requireText(code, "code");
        return store.write("mark conflict " + txnId, c -> {
            long now = clock.millis();
            if (!outbox.markConflict(txnId, code, detail, now)) {
                return false;
            }
            audit.append(now, "payment_conflict", txnId, AuditChain.data("code", code, "detail", detail));
            return true;
        });
    }

    /** Payments in CONFLICT, oldest first: for {@code kioskctl outbox status} and the service menu. */
    public List<OutboxConflict> conflicts() {
        return store.read("read outbox conflicts", c -> outbox.conflicts());
    }

    public OutboxStatus status() {
        return store.read("read outbox status", c -> outbox.status(clock.millis()));
    }
}
