package org.topupkiosk.journal;

import java.time.Instant;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * One order as the journal holds it. {@code cash} is the sum of the notes stacked for it, {@code creditApplied} the
 * credit vouchers redeemed into it; {@code amount} (to the customer's balance) and {@code fee} are set on submit.
 * {@code productId}, {@code carrierRef} and {@code refusalCode} may be null.
 */
public record Order(String txnId, String kind, Msisdn msisdn, String operatorId, String productId,
                    OrderStatus status, Money amount, Money fee, Money cash, Money creditApplied, boolean offline,
                    String carrierRef, String refusalCode, Instant createdAt, Instant updatedAt,
                    boolean receiptPrinted) {

    /** Everything the customer has put into this order: cash plus redeemed credit. */
    public Money paid() {
        return cash.plus(creditApplied);
    }
}
