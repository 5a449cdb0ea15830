package org.topupkiosk.carrier.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
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
import org.topupkiosk.carrier.wire.AccountJson;
import org.topupkiosk.carrier.wire.AutoTopUpJson;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.GoodsJson;
import org.topupkiosk.carrier.wire.OtpJson;
import org.topupkiosk.carrier.wire.PaymentJson;
import org.topupkiosk.carrier.wire.RequestSigner;
import org.topupkiosk.carrier.wire.VoucherJson;
import org.topupkiosk.carrier.wire.WireFormatException;
import org.topupkiosk.domain.Msisdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CarrierGateway} over our documented JSON API (docs/carrier-api.md). One {@link HttpClient} is kept for the
 * life of the gateway so connections stay alive between payments.
 *
 * <p>Every failure is classified here, once, by {@link #send}: nothing sent means {@link Kind#UNREACHABLE}; sent but no
 * trustworthy answer (timeout, 5xx, a body we cannot read) means {@link Kind#UNKNOWN_OUTCOME}; the server rejecting our
 * request (400, 401, 409) means {@link Kind#PROTOCOL}. A refused payment is an answer, not an error.
 */
public final class RestCarrierGateway implements CarrierGateway {

    private static final Logger log = LoggerFactory.getLogger(RestCarrierGateway.class);
    private static final String JSON = "application/json";

    private final URI baseUrl;
    private final String kioskId;
    private final byte[] kioskKey;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient http;

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
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.kioskId = kioskId;
        this.kioskKey = kioskKey.clone();
        this.requestTimeout = requestTimeout;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 keep-alive: plain http would otherwise try an h2c upgrade on every new connection.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public AccountCheck checkAccount(Msisdn msisdn, String operatorId) throws CarrierException {
        Objects.requireNonNull(msisdn, "msisdn");
        Answer a = send("POST", "/v1/accounts/check", null, CarrierJson.bytes(AccountJson.checkRequest(msisdn, operatorId)));
        return a.decodeOk(AccountJson::accountCheck);
    }

    @Override
    public Balance balance(Msisdn msisdn) throws CarrierException {
        Objects.requireNonNull(msisdn, "msisdn");
        Answer a = send("GET", "/v1/accounts/" + msisdn.e164() + "/balance", null, null);
        if (a.status == 404) {
            throw a.refusal("unknown-number");
        }
        return a.decodeOk(AccountJson::balance);
    }

    @Override
    public List<CatalogEntry> catalog(String operatorId) throws CarrierException {
        String query = operatorId == null ? null : "operator=" + URLEncoder.encode(operatorId, StandardCharsets.UTF_8);
        Answer a = send("GET", "/v1/catalog", query, null);
        if (a.status == 404) {
            throw a.refusal("unknown-operator");
        }
        return a.decodeOk(AccountJson::catalog);
    }

    @Override
    public PaymentResult pay(PaymentRequest request) throws CarrierException {
        Objects.requireNonNull(request, "request");
        byte[] body = CarrierJson.bytes(PaymentJson.paymentRequest(request));
        Answer a = send("POST", "/v1/payments", null, body, "Idempotency-Key", request.txnId());
        PaymentResult r = a.decodeOk(PaymentJson::paymentResult);
        if (!request.txnId().equals(r.txnId()) || r.status() == PaymentResult.Status.NOT_FOUND) {
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
        Answer a = send("GET", "/v1/goods", "operator=" + URLEncoder.encode(operatorId, StandardCharsets.UTF_8), null);
        if (a.status == 404) {
            throw a.refusal("unknown-operator");
        }
        return a.decodeOk(GoodsJson::offers);
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
        Answer a = send("GET", "/v1/payments/" + URLEncoder.encode(txnId, StandardCharsets.UTF_8), null, null);
        if (a.status == 404) {
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
        Answer a = send("POST", "/v1/otp", null, CarrierJson.bytes(OtpJson.request(msisdn, purpose)));
        if (a.status == 404 || a.status == 429) {
            throw a.refusal(a.status == 404 ? "unknown-number" : "too-many-codes");
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
        Answer a = send("POST", "/v1/otp/" + URLEncoder.encode(otpId, StandardCharsets.UTF_8) + "/verify", null,
                CarrierJson.bytes(OtpJson.verifyRequest(code)));
        if (a.status == 404) {
            throw a.refusal("unknown-otp");
        }
        return a.decodeOk(OtpJson::check);
    }

    // Auto top-up and recent payments ----------------------------------------------------------------------------

    @Override
    public AutoTopUpEnrolment enrolAutoTopUp(AutoTopUpRequest request) throws CarrierException {
        Objects.requireNonNull(request, "request");
        byte[] body = CarrierJson.bytes(AutoTopUpJson.request(request));
        Answer a = send("POST", "/v1/autotopup", null, body, "Idempotency-Key", request.enrolmentId());
        AutoTopUpEnrolment e = a.decodeOk(AutoTopUpJson::enrolment);
        if (!request.enrolmentId().equals(e.enrolmentId())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body",
                    "enrolment answer for " + e.enrolmentId() + ", asked for " + request.enrolmentId());
        }
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
        Answer a = send("POST", "/v1/otp/tokens/redeem", null, body, "Idempotency-Key", useId);
        OtpTokenUse u = a.decodeOk(AutoTopUpJson::tokenUse);
        if (!useId.equals(u.useId())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body",
                    "token answer for use " + u.useId() + ", asked for " + useId);
        }
        return u;
    }

    @Override
    public SimSubscriber subscriberBySim(String iccid) throws CarrierException {
        Objects.requireNonNull(iccid, "iccid");
        if (!iccid.matches("\\d{18,20}")) {
            throw new IllegalArgumentException("iccid must be 18-20 digits, got '" + iccid + "'");
        }
        Answer a = send("GET", "/v1/sims/" + iccid, null, null);
        if (a.status == 404) {
            throw a.refusal("unknown-sim");
        }
        SimSubscriber s = a.decodeOk(AccountJson::simSubscriber);
        if (!iccid.equals(s.iccid())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body", "subscriber answer for ICCID " + s.iccid()
                    + ", asked for " + iccid);
        }
        return s;
    }

    @Override
    public VoucherInfo validateVoucher(String pin) throws CarrierException {
        Objects.requireNonNull(pin, "pin");
        Answer a = send("POST", "/v1/vouchers/validate", null, CarrierJson.bytes(VoucherJson.voucherValidateRequest(pin)));
        if (a.status == 404) {
            throw a.refusal("unknown-voucher");
        }
        return a.decodeOk(VoucherJson::voucherInfo);
    }

    @Override
    public VoucherRedemption redeemVoucher(String pin, Msisdn msisdn, String redemptionId) throws CarrierException {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(redemptionId, "redemptionId");
        byte[] body = CarrierJson.bytes(VoucherJson.voucherRedeemRequest(pin, msisdn, redemptionId));
        Answer a = send("POST", "/v1/vouchers/redeem", null, body, "Idempotency-Key", redemptionId);
        VoucherRedemption r = a.decodeOk(VoucherJson::voucherRedemption);
        if (!redemptionId.equals(r.redemptionId())) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "bad-body",
                    "voucher answer for " + r.redemptionId() + ", asked for " + redemptionId);
        }
        return r;
    }

    /** The one place where transport failures become {@link CarrierException} kinds. */
    private Answer send(String method, String path, String query, byte[] body, String... extraHeaders)
            throws CarrierException {
        URI uri = URI.create(baseUrl + path + (query == null ? "" : "?" + query));
        String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long now = clock.instant().getEpochSecond();
        byte[] payload = body == null ? new byte[0] : body;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header(RequestSigner.HEADER_KIOSK_ID, kioskId)
                .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(now))
                .header(RequestSigner.HEADER_SIGNATURE,
                        RequestSigner.sign(kioskKey, method, pathWithQuery, now, kioskId, payload));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new CarrierException(Kind.UNREACHABLE, "connect-timeout", method + " " + path + ": " + e.getMessage(), e);
        } catch (HttpTimeoutException e) {
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "timeout", method + " " + path + " after " + requestTimeout, e);
        } catch (ConnectException e) {
            String code = hasCause(e, UnresolvedAddressException.class) ? "unresolved" : "connect-refused";
            throw new CarrierException(Kind.UNREACHABLE, code, method + " " + path + ": " + e, e);
        } catch (SSLHandshakeException e) {
            // The handshake comes before any request byte, so nothing can have been applied.
            throw new CarrierException(Kind.UNREACHABLE, "tls", method + " " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (hasCause(e, UnresolvedAddressException.class)) {
                throw new CarrierException(Kind.UNREACHABLE, "unresolved", method + " " + path + ": " + e, e);
            }
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "io", method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException(Kind.UNKNOWN_OUTCOME, "interrupted", method + " " + path + " interrupted", e);
        }
        return new Answer(method + " " + path, response.statusCode(), response.body());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    /** A received HTTP answer, classified by status when it is decoded. */
    private record Answer(String call, int status, byte[] body) {

        <T> T decodeOk(Function<JsonNode, T> decoder) throws CarrierException {
            if (status >= 200 && status < 300) {
                return decodeOr(Kind.UNKNOWN_OUTCOME, decoder);
            }
            if (status == 400 || status == 401 || status == 403 || status == 404 || status == 409 || status == 422) {
                throw error(Kind.PROTOCOL);
            }
            // 5xx, and anything else we cannot place (a 3xx from a proxy): the request may have been applied.
            throw error(Kind.UNKNOWN_OUTCOME);
        }

        <T> T decodeOr(Kind kindWhenBad, Function<JsonNode, T> decoder) throws CarrierException {
            try {
                return decoder.apply(CarrierJson.parse(body));
            } catch (RuntimeException e) {
                // WireFormatException, or a domain constructor refusing a value: either way the answer is unusable.
                throw new CarrierException(kindWhenBad, "bad-body", call + " HTTP " + status + ": " + e.getMessage(), e);
            }
        }

        CarrierException refusal(String defaultCode) {
            return new CarrierException(Kind.REFUSED, errorField("code", defaultCode), errorField("message", call));
        }

        CarrierException error(Kind kind) {
            String code = "http-" + status;
            String detail = errorField("code", "?") + " " + errorField("message", "");
            return new CarrierException(kind, code, call + ": " + detail.strip());
        }

        private String errorField(String field, String fallback) {
            try {
                String v = CarrierJson.optionalText(CarrierJson.parse(body), field);
                return v == null ? fallback : v;
            } catch (RuntimeException e) {
                return fallback;
            }
        }
    }
}
