package org.topupkiosk.carrier;

import java.time.Instant;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * A payment to send. {@code txnId} is made once per order, stored before the first send and never changed.
 * {@code productId} is null for a plain top-up; for a package, {@code amount} is at least the product's price and
 * anything above it goes to the balance (the kiosk gives no change). {@code promoId} names the catalog promotion the
 * customer was shown, or null: the carrier applies its bonus, the kiosk never changes the money it sends for it.
 * {@code createdAt} is the moment the customer paid (txn_date).
 */
public record PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                             Instant createdAt, String promoId) {

    /** A payment without a promotion. */
    public PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                          Instant createdAt) {
        this(txnId, msisdn, operatorId, amount, productId, createdAt, null);
    }
}
