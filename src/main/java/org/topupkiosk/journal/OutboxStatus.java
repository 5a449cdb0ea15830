package org.topupkiosk.journal;

import java.time.Duration;

/**
 * The outbox at a glance, for health and ops screens. {@code oldestPendingAge} is zero and {@code lastError} null when
 * nothing is pending. {@code conflictCount} counts payments in CONFLICT (the carrier holds their txn id for another
 * payment): they are not sent again and are not in {@code pendingCount}.
 */
public record OutboxStatus(int pendingCount, Duration oldestPendingAge, int maxAttempts, String lastError,
                           int conflictCount) {

    /** A status with no payment in conflict. */
    public OutboxStatus(int pendingCount, Duration oldestPendingAge, int maxAttempts, String lastError) {
        this(pendingCount, oldestPendingAge, maxAttempts, lastError, 0);
    }
}
