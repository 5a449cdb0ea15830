package org.topupkiosk.flow.service;

import java.time.Duration;

/** The outbox of carrier calls still to send, as the service menu shows it. */
public record OutboxInfo(int pendingCount, Duration oldestPendingAge, int maxAttempts, String lastError) {}
