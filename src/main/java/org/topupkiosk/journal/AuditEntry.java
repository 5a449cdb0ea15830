package org.topupkiosk.journal;

import java.time.Instant;

/** One row of the audit chain as the service screen shows it: when, what, for which order, and its data. */
public record AuditEntry(long seq, Instant at, String kind, String txnId, String dataJson) {}
