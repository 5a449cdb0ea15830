package org.topupkiosk.journal;

import java.time.Duration;

/**
 * The outbox at a glance, for health and ops screens. {@code oldestPendingAge} is zero and {@code lastError} null when
 * nothing is pending.
 */
public record OutboxStatus(int pendingCount, Duration oldestPendingAge, int maxAttempts, String lastError) {}
