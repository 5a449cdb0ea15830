package org.topupkiosk.journal;

import java.time.Instant;

/**
 * A payment the carrier answered with a conflict: it holds {@code txnId} for another payment and applied nothing of
 * this one. The outbox no longer sends it; the order keeps its money until a technician reconciles it.
 */
public record OutboxConflict(String txnId, String code, String detail, Instant at, int attempts) {}
