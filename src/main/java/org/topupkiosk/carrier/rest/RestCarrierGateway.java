package org.topupkiosk.carrier.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CarrierException.Kind;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.carrier.rest.CarrierHttp.Answer;
import org.topupkiosk.carrier.wire.AccountJson;
import org.topupkiosk.carrier.wire.AutoTopUpJson;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.GoodsJson;
import org.topupkiosk.carrier.wire.OtpJson;
import org.topupkiosk.carrier.wire.PaymentJson;
import org.topupkiosk.carrier.wire.VoucherJson;
import org.topupkiosk.domain.Msisdn;

/**
 * {@link CarrierGateway} over our documented JSON API (docs/carrier-api.md). One {@link HttpClient} is kept for the
 * life of the gateway so connections stay alive between payments.
 *
 * <p>Every failure is classified once, by {@link CarrierHttp#send}: nothing sent means {@link Kind#UNREACHABLE}; sent but no
 * trustworthy answer (timeout, 5xx, a body we cannot read) means {@link Kind#UNKNOWN_OUTCOME}; the server rejecting our
 * request (400, 401, 409) means {@link Kind#PROTOCOL}, except a payment's 409, which says the carrier already holds its
 * txnId for another payment: {@link Kind#CONFLICT}. A refused payment is an answer, not an error.
 */
public final class RestCarrierGateway implements CarrierGateway {

    private static final Logger log = LoggerFactory.getLogger(RestCarrierGateway.class);

    private final CarrierHttp http;

    public RestCarrierGateway(URI baseUrl, String kioskId, byte[] kioskKey, Duration connectTimeout,
                              Duration requestTimeout, Clock clock) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("carrier baseUrl must be https (or http for the local simulator), got "
                    + baseUrl);
        }
        if (kioskId == null || kioskId.isBlank()) {
            throw new IllegalArgumentException("kioskId must not be blank");
        }
        if (kioskKey == null || kioskKey.length == 0) {
            throw new IllegalArgumentException("kioskKey must not be empty");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        this.http = new CarrierHttp(baseUrl, kioskId, kioskKey, connectTimeout, requestTimeout,
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Duration callDeadline() {
        return http.callDeadline();
    }

    @Override
    public AccountCheck checkAccount(Msisdn msisdn, String operatorId) throws CarrierException {
        Objects.requireNonNull(msisdn, "msisdn");
        Answer a = http.send("POST", "/v1/accounts/check", null, CarrierJson.bytes(AccountJson.checkRequest(msisdn, operatorId)));
        return a.decodeOk(AccountJson::accountCheck);
    }

    @Override
    public Balance balance(Msisdn msisdn) throws CarrierException {
        Objects.requireNonNull(msisdn, "msisdn");
        Answer a = http.send("GET", "/v1/accounts/" + msisdn.e164() + "/balance", null, null);
        return a.decodeOr404("unknown-number", AccountJson::balance);
    }

    @Override
    public List<CatalogEntry> catalog(String operatorId) throws CarrierException {
        String query = operatorId == null ? null : "operator=" + URLEncoder.encode(operatorId, StandardCharsets.UTF_8);
        Answer a = http.send("GET", "/v1/catalog", query, null);
        return a.decodeOr404("unknown-operator", AccountJson::catalog);
    }

    @Override
    public PaymentResult pay(PaymentRequest request) throws CarrierException {
        Objects.requireNonNull(request, "request");
        byte[] body = CarrierJson.bytes(PaymentJson.paymentRequest(request));
        Answer a = http.send("POST", "/v1/payments", null, body, "Idempotency-Key", request.txnId());
        if (a.status() == 409) {
            // The same txnId with another body: the carrier keeps its first payment and applied nothing of ours.
            CarrierException e = a.error(Kind.CONFLICT);
            throw new CarrierException(Kind.CONFLICT, "txn-conflict", e.getMessage());
        }
        PaymentResult r = a.decodeOk(PaymentJson::paymentResult);
        // An answer about another txnId, amount or currency is passed on: the outbox checks every answer against
        // its request and raises the alarm (sync.AnswerCheck); here only what no payment answer may say is refused.
        if (r.status() == PaymentResult.Status.NOT_FOUND) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body",
                    "payment answer for txn " + r.txnId() + " with status " + r.status() + ", asked for " + request.txnId());
        }
        requireGoods(request, r);
        log.debug("txn={} carrier_status={} ref={}", r.txnId(), r.status(), r.carrierRef());
        return r;
    }

    @Override
    public List<GoodsOffer> goods(String operatorId) throws CarrierException {
        Objects.requireNonNull(operatorId, "operatorId");
        Answer a = http.send("GET", "/v1/goods", "operator=" + URLEncoder.encode(operatorId, StandardCharsets.UTF_8), null);
        return a.decodeOr404("unknown-operator", GoodsJson::offers);
    }

    /**
     * A confirmed e-PIN or eSIM without its goods (or with the other kind) is an answer the kiosk cannot use: it is
     * an unknown outcome, asked again under the same txnId, never a sale the customer gets nothing for.
     */
    private static void requireGoods(PaymentRequest request, PaymentResult r) throws CarrierException {
        if (request.goods() == null || r.status() != PaymentResult.Status.CONFIRMED) {
            return;
        }
        if (r.goods() == null || r.goods().kind() != request.goods()) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", "confirmed " + request.goods().wire()
                    + " payment " + r.txnId() + " without its " + request.goods().wire());
        }
    }

    @Override
    public PaymentResult status(String txnId) throws CarrierException {
        Objects.requireNonNull(txnId, "txnId");
        Answer a = http.send("GET", "/v1/payments/" + URLEncoder.encode(txnId, StandardCharsets.UTF_8), null, null);
        if (a.status() == 404) {
            // Only the carrier's own "never arrived" is trusted: a bare 404 from a proxy or a wrong base path must not
            // make the kiosk believe an applied payment is missing.
            PaymentResult r = a.decodeOr(Kind.PROTOCOL, PaymentJson::paymentResult);
            if (r.status() != PaymentResult.Status.NOT_FOUND || !txnId.equals(r.txnId())) {
                throw new CarrierException(Kind.PROTOCOL, "http-404", "404 without a NOT_FOUND payment body");
            }
            return r;
        }
        PaymentResult r = a.decodeOk(PaymentJson::paymentResult);
        if (!txnId.equals(r.txnId())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", "status answer for txn " + r.txnId());
        }
        return r;
    }

    @Override
    public OtpChallenge requestOtp(Msisdn msisdn, String purpose) throws CarrierException {
        Objects.requireNonNull(msisdn, "msisdn");
        if (!OtpChallenge.isPurpose(purpose)) {
            throw new IllegalArgumentException("purpose must be autotopup or history, got '" + purpose + "'");
        }
        Answer a = http.send("POST", "/v1/otp", null, CarrierJson.bytes(OtpJson.request(msisdn, purpose)));
        if (a.status() == 404 || a.status() == 429) {
            throw a.refusal(a.status() == 404 ? "unknown-number" : "too-many-codes");
        }
        OtpChallenge c = a.decodeOk(OtpJson::challenge);
        if (!c.msisdn().equals(msisdn) || !c.purpose().equals(purpose)) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", "code sent to " + c.msisdn() + " for "
                    + c.purpose() + ", asked for " + msisdn + " for " + purpose);
        }
        return c;
    }

    @Override
    public OtpCheck verifyOtp(String otpId, String code) throws CarrierException {
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(code, "code");
        Answer a = http.send("POST", "/v1/otp/" + URLEncoder.encode(otpId, StandardCharsets.UTF_8) + "/verify", null,
                CarrierJson.bytes(OtpJson.verifyRequest(code)));
        return a.decodeOr404("unknown-otp", OtpJson::check);
    }

    // Auto top-up and recent payments ----------------------------------------------------------------------------

    @Override
    public AutoTopUpEnrolment enrolAutoTopUp(AutoTopUpRequest request) throws CarrierException {
        Objects.requireNonNull(request, "request");
        byte[] body = CarrierJson.bytes(AutoTopUpJson.request(request));
        Answer a = http.send("POST", "/v1/autotopup", null, body, "Idempotency-Key", request.enrolmentId());
        AutoTopUpEnrolment e = a.decodeOk(AutoTopUpJson::enrolment);
        requireEcho(request.enrolmentId(), e.enrolmentId(), "enrolment answer for ");
        log.debug("enrolment={} status={} rule={} refusal={}", e.enrolmentId(), e.status(),
                e.rule() == null ? null : e.rule().ruleId(), e.refusalCode());
        return e;
    }

    @Override
    public OtpTokenUse spendOtpToken(String useId, String token, Msisdn msisdn, String purpose)
            throws CarrierException {
        Objects.requireNonNull(useId, "useId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(msisdn, "msisdn");
        if (!OtpChallenge.isPurpose(purpose)) {
            throw new IllegalArgumentException("purpose must be autotopup or history, got '" + purpose + "'");
        }
        byte[] body = CarrierJson.bytes(AutoTopUpJson.tokenUseRequest(useId, token, msisdn, purpose));
        Answer a = http.send("POST", "/v1/otp/tokens/redeem", null, body, "Idempotency-Key", useId);
        OtpTokenUse u = a.decodeOk(AutoTopUpJson::tokenUse);
        requireEcho(useId, u.useId(), "token answer for use ");
        return u;
    }

    @Override
    public SimSubscriber subscriberBySim(String iccid) throws CarrierException {
        Objects.requireNonNull(iccid, "iccid");
        if (!iccid.matches("\\d{18,20}")) {
            throw new IllegalArgumentException("iccid must be 18-20 digits, got '" + iccid + "'");
        }
        Answer a = http.send("GET", "/v1/sims/" + iccid, null, null);
        SimSubscriber s = a.decodeOr404("unknown-sim", AccountJson::simSubscriber);
        requireEcho(iccid, s.iccid(), "subscriber answer for ICCID ");
        return s;
    }

    @Override
    public VoucherInfo validateVoucher(String pin) throws CarrierException {
        Objects.requireNonNull(pin, "pin");
        Answer a = http.send("POST", "/v1/vouchers/validate", null, CarrierJson.bytes(VoucherJson.voucherValidateRequest(pin)));
        return a.decodeOr404("unknown-voucher", VoucherJson::voucherInfo);
    }

    @Override
    public VoucherRedemption redeemVoucher(String pin, Msisdn msisdn, String redemptionId) throws CarrierException {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(redemptionId, "redemptionId");
        byte[] body = CarrierJson.bytes(VoucherJson.voucherRedeemRequest(pin, msisdn, redemptionId));
        Answer a = http.send("POST", "/v1/vouchers/redeem", null, body, "Idempotency-Key", redemptionId);
        VoucherRedemption r = a.decodeOk(VoucherJson::voucherRedemption);
        requireEcho(redemptionId, r.redemptionId(), "voucher answer for ");
        return r;
    }

    /** An answer about another id than the one asked for cannot be trusted: the outcome of the call is unknown. */
    private static void requireEcho(String asked, String answered, String what) throws CarrierException {
        if (!asked.equals(answered)) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", what + answered + ", asked for " + asked);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

}
