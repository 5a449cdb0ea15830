package org.topupkiosk.carrier.simulator;

import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.Money;

/**
 * One payment as the simulated carrier holds it. {@code appliedCount} is how many times its money reached the account:
 * 1 for a confirmed or accepted payment, 0 for a refused one, and anything above 1 is a double payment, the bug the
 * idempotency rules exist to prevent. An e-PIN or eSIM sale has no {@code msisdn} (null) and carries the {@code goods}
 * issued for it; every repeat answers with these same goods.
 */
public record LedgerEntry(String txnId, String msisdn, String operatorId, Money amount, String productId,
                          PaymentResult.Status status, String carrierRef, String refusalCode, int appliedCount,
                          IssuedGoods goods) {

    /** A top-up or package: no goods, and {@code msisdn} is the customer's number. */
    public LedgerEntry(String txnId, String msisdn, String operatorId, Money amount, String productId,
                       PaymentResult.Status status, String carrierRef, String refusalCode, int appliedCount) {
        this(txnId, msisdn, operatorId, amount, productId, status, carrierRef, refusalCode, appliedCount, null);
    }

    /** The payment's answer to the kiosk, with its message in words. */
    PaymentResult toResult() {
        return new PaymentResult(txnId, status, carrierRef, amount, refusalCode, message(),
                status == PaymentResult.Status.CONFIRMED ? goods : null);
    }

    private String message() {
        return switch (status) {
            case CONFIRMED -> "paid";
            case ACCEPTED -> "accepted, processing";
            case REFUSED -> "refused: " + refusalCode;
            case NOT_FOUND -> "not found";
        };
    }
}
