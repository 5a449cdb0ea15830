package org.topupkiosk.carrier;

import java.util.List;
import org.topupkiosk.domain.Msisdn;

/**
 * The port to the carrier backend. Every call may block on the network, so callers run it off the flow thread.
 * Failures are {@link CarrierException}s whose {@link CarrierException.Kind} says whether a retry is safe.
 */
public interface CarrierGateway {

    /** Is this number served, by which operator, and may it be paid? Never moves money. */
    AccountCheck checkAccount(Msisdn msisdn, String operatorId) throws CarrierException;

    Balance balance(Msisdn msisdn) throws CarrierException;

    List<CatalogEntry> catalog(String operatorId) throws CarrierException;

    /**
     * Creates a payment. {@code request.txnId()} is the idempotency key: a repeat with the same id must return the
     * first answer and never pay twice.
     */
    PaymentResult pay(PaymentRequest request) throws CarrierException;

    /** The carrier's view of an earlier payment; {@link PaymentResult.Status#NOT_FOUND} when it never arrived. */
    PaymentResult status(String txnId) throws CarrierException;

    /**
     * Looks up a scratch card by the PIN under its scratch layer; never applies it. An unknown PIN is a REFUSED
     * {@link CarrierException} with code {@code unknown-voucher}. Adapters whose protocol has no vouchers (OSMP) say so
     * with a PROTOCOL exception, code {@code not-supported}.
     */
    default VoucherInfo validateVoucher(String pin) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "not-supported",
                getClass().getSimpleName() + " has no scratch-card vouchers");
    }

    /**
     * Applies a scratch card to a number. {@code redemptionId} is the idempotency key, made once and journaled before
     * the first send: a repeat with the same id returns the first answer and never applies the card twice.
     */
    default VoucherRedemption redeemVoucher(String pin, Msisdn msisdn, String redemptionId) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "not-supported",
                getClass().getSimpleName() + " has no scratch-card vouchers");
    }
}
