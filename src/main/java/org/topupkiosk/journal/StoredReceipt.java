package org.topupkiosk.journal;

import java.time.Instant;

/** A receipt body kept until it is printed, so a restart can print it. {@code printedAt} is null until then. */
public record StoredReceipt(String receiptId, String txnId, String kind, String body, boolean printed,
                            Instant createdAt, Instant printedAt) {}
