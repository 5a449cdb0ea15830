package org.topupkiosk.journal;

import java.time.Instant;

/** A payment request waiting to be sent (again). {@code payloadJson} is exactly what submit stored. */
public record OutboxItem(String txnId, String payloadJson, int attempts, Instant nextAttemptAt, String lastError,
                         Instant createdAt) {}
