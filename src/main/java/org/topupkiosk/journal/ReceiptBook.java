package org.topupkiosk.journal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Receipts kept until printed: stored once with their audit row, then marked printed together with their order's
 * receipt_printed flag. Runs inside the caller's write transaction.
 */
record ReceiptBook(Clock clock, ReceiptRepository receipts, OrderRepository orders, AuditChain audit) {

    /** Storing the same receipt again is a no-op; a different body is refused. */
    void store(String receiptId, String txnId, String kind, String body) throws SQLException {
        Optional<StoredReceipt> known = receipts.find(receiptId);
        if (known.isPresent()) {
            StoredReceipt r = known.get();
            if (r.body().equals(body) && Objects.equals(r.txnId(), txnId) && r.kind().equals(kind)) {
                return;
            }
            throw new IllegalStateException("receipt " + receiptId + " is already stored with other content");
        }
        long now = clock.millis();
        receipts.insert(receiptId, txnId, kind, body, now);
        audit.append(now, "receipt_stored", txnId, AuditChain.data("receipt", receiptId, "kind", kind,
                "body_mac", audit.mac(AuditLinks.RECEIPT_MAC, body)));
    }

    /** A repeat is a no-op. */
    void markPrinted(String receiptId) throws SQLException {
        StoredReceipt r = receipts.find(receiptId).orElseThrow(() -> new IllegalArgumentException(
                "no receipt " + receiptId));
        long now = clock.millis();
        if (receipts.markPrinted(receiptId, now)) {
            if (r.txnId() != null) {
                orders.markReceiptPrinted(r.txnId(), now);
            }
            audit.append(now, "receipt_printed", r.txnId(), AuditChain.data("receipt", receiptId));
        }
    }
}
