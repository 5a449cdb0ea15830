package org.topupkiosk.carrier;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.topupkiosk.domain.Msisdn;

/**
 * The port to the carrier backend. Every call may block on the network, so callers run it off the flow thread.
 * Failures are {@link CarrierException}s whose {@link CarrierException.Kind} says whether a retry is safe.
 */
public interface CarrierGateway {

    /**
     * The longest one call may take, answer body included; callers waiting on a call never wait longer than this
     * plus a little. A gateway with a configured request timeout derives it from that.
     */
    default Duration callDeadline() {
        return Duration.ofSeconds(60);
    }

    /**
     * What this gateway can do; the screens offer nothing else. The REST API does everything, so the default is all of
     * it; an adapter whose protocol does less (OSMP) says so.
     */
    default Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /** Is this number served, by which operator, and may it be paid? Never moves money. */
    AccountCheck checkAccount(Msisdn msisdn, String operatorId) throws CarrierException;

    Balance balance(Msisdn msisdn) throws CarrierException;

    List<CatalogEntry> catalog(String operatorId) throws CarrierException;

    /**
     * The e-PIN nominals and eSIM plans the carrier sells for {@code operatorId} ({@code GET /v1/goods}). Kept apart from
     * {@link #catalog}: a kiosk that knows only packages never sees them. An unknown operator is REFUSED
     * {@code unknown-operator}. Adapters whose protocol sells no goods (OSMP) keep this default, a final
     * {@code unsupported}.
     */
    default List<GoodsOffer> goods(String operatorId) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported",
                getClass().getSimpleName() + " sells no e-PINs or eSIMs");
    }

    /**
     * Creates a payment. {@code request.txnId()} is the idempotency key: a repeat with the same id must return the
     * first answer and never pay twice.
     */
    PaymentResult pay(PaymentRequest request) throws CarrierException;

    /** The carrier's view of an earlier payment; {@link PaymentResult.Status#NOT_FOUND} when it never arrived. */
    PaymentResult status(String txnId) throws CarrierException;

    /**
     * Asks the carrier to send a one-time code by SMS to {@code msisdn}, for {@code purpose}. Refused
     * ({@link CarrierException.Kind#REFUSED}) for an unknown number ({@code unknown-number}) and when the number was
     * sent too many codes lately ({@code too-many-codes}). Moves no money. Adapters whose protocol has no such call
     * (OSMP) keep this default, a final {@code unsupported}.
     */
    default OtpChallenge requestOtp(Msisdn msisdn, String purpose) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported",
                getClass().getSimpleName() + " cannot send one-time codes");
    }

    /** Checks a code the customer typed; an unknown {@code otpId} is refused with {@code unknown-otp}. */
    default OtpCheck verifyOtp(String otpId, String code) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported",
                getClass().getSimpleName() + " cannot check one-time codes");
    }

    // Auto top-up and recent payments: the calls a one-time code opens ----------------------------------------------

    /**
     * Enrols (or replaces) a number's auto top-up rule, proven by a token from {@link #verifyOtp} for purpose
     * {@code autotopup}. {@code request.enrolmentId()} is the idempotency key: a repeat returns the first answer. A
     * refusal (bad token, limits, blocked account) is an answer, not an exception. Adapters whose protocol has no such
     * call (OSMP) keep this default, a final {@code unsupported}.
     */
    default AutoTopUpEnrolment enrolAutoTopUp(AutoTopUpRequest request) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported",
                getClass().getSimpleName() + " cannot enrol auto top-ups");
    }

    /**
     * Spends a one-time-code token for {@code purpose} and {@code msisdn} (the kiosk does it before it shows what the
     * token opens, so a token opens it once). {@code useId} is the idempotency key. Adapters whose protocol has no
     * such call keep this default, a final {@code unsupported}.
     */
    default OtpTokenUse spendOtpToken(String useId, String token, Msisdn msisdn, String purpose)
            throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported",
                getClass().getSimpleName() + " cannot spend one-time-code tokens");
    }

    /**
     * The number behind a SIM, by its ICCID, for cards that do not store their own number. An ICCID the carrier does
     * not know is {@link CarrierException.Kind#REFUSED} with code {@code unknown-sim}. Adapters whose protocol has no
     * such query (OSMP) keep this default, a final {@code unsupported}.
     */
    default SimSubscriber subscriberBySim(String iccid) throws CarrierException {
        throw new CarrierException(CarrierException.Kind.PROTOCOL, "unsupported",
                getClass().getSimpleName() + " cannot look up a number by ICCID");
    }

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
