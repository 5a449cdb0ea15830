package org.topupkiosk.flow.service;

import java.time.Duration;

/**
 * The outbox of carrier calls still to send, as the service menu shows it. {@code conflictCount} counts payments the
 * carrier answered with a conflict (it holds their txn id for another payment): not sent again, a technician's to
 * reconcile.
 */
public record OutboxInfo(int pendingCount, Duration oldestPendingAge, int maxAttempts, String lastError,
                         int conflictCount) {

    /** An outbox with no payment in conflict. */
    public OutboxInfo(int pendingCount, Duration oldestPendingAge, int maxAttempts, String lastError) {
        this(pendingCount, oldestPendingAge, maxAttempts, lastError, 0);
    }
}
