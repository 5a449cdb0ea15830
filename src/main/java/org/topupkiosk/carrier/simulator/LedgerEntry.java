package org.topupkiosk.carrier.simulator;

import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.Money;

/**
 * One payment as the simulated carrier holds it. {@code appliedCount} is how many times its money reached the account:
 * 1 for a confirmed or accepted payment, 0 for a refused one, and anything above 1 is a double payment, the bug the
 * idempotency rules exist to prevent.
 */
public record LedgerEntry(String txnId, String msisdn, String operatorId, Money amount, String productId,
                          PaymentResult.Status status, String carrierRef, String refusalCode, int appliedCount) {

    PaymentResult toResult(String message) {
        return new PaymentResult(txnId, status, carrierRef, amount, refusalCode, message);
    }
}
