package org.topupkiosk.flow.service;

import java.time.Instant;
import java.util.List;

/** Unprinted receipts first (oldest first: those customers are owed), then the most recent printed ones. */
public record Receipts(List<Row> unprinted, List<Row> recent) {

    /** One line of the receipts list: what it is and whether it came out. */
    public record Row(String receiptId, String txnId, String kind, Instant createdAt, boolean printed) {}

    public Receipts {
        unprinted = List.copyOf(unprinted);
        recent = List.copyOf(recent);
    }
}
