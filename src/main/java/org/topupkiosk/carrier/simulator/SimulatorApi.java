package org.topupkiosk.carrier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.carrier.wire.AccountJson;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.GoodsJson;
import org.topupkiosk.carrier.wire.PaymentJson;
import org.topupkiosk.carrier.wire.VoucherJson;
import org.topupkiosk.carrier.wire.WireFormatException;
import org.topupkiosk.domain.Msisdn;

/**
 * The endpoints of docs/carrier-api.md over the simulator's ledger, as a function from request to response. No
 * sockets here: {@link CarrierSimulator} reads the exchange, injects faults around this and writes the answer.
 */
final class SimulatorApi {

    record Request(String method, String path, String pathWithQuery, String query, Function<String, String> header,
                   byte[] body) {}

    record Response(int status, byte[] body) {
        static Response json(int status, JsonNode node) {
            return new Response(status, CarrierJson.bytes(node));
        }

        static Response error(int status, String code, String message) {
            return json(status, CarrierJson.error(code, message));
        }
    }

    private static final Pattern BALANCE = Pattern.compile("/v1/accounts/([^/]+)/balance");
    private static final Pattern PAYMENT = Pattern.compile("/v1/payments/([^/]+)");
    private static final Pattern OTP_VERIFY = Pattern.compile("/v1/otp/([^/]+)/verify");
    private static final Pattern SIM = Pattern.compile("/v1/sims/([^/]+)");
    /** txnIds travel in paths and headers, so they are kept to URL-safe characters (docs/carrier-api.md). */
    private static final Pattern TXN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final SimAuth auth;
    private final SimControl control;
    private final SimLedger ledger;
    private final Clock clock;
    private final SimOtp otp;
    private final SimRegister sims = SimRegister.load();
    private final SimVouchers vouchers = new SimVouchers();
    private final SimGoods goods;
    private final Set<String> credited = ConcurrentHashMap.newKeySet();
    /** Auto top-up rules and token uses, behind the one-time codes. */
    private final SimAutoTopUp autoTopUps;

    SimulatorApi(Function<String, byte[]> keyOfKiosk, SimLedger ledger, Faults faults, Clock clock, SimOtp otp) {
        this.auth = new SimAuth(keyOfKiosk, clock);
        this.control = new SimControl(ledger, faults, otp);
        this.ledger = ledger;
        this.clock = clock;
        this.otp = otp;
        this.autoTopUps = new SimAutoTopUp(otp);
        this.goods = new SimGoods(clock);
        goods.continueAfter(ledger.goodsIssued());
    }

    SimAutoTopUp autoTopUps() {
        return autoTopUps;
    }

    /** Answers one request; {@code forcedRefusal} non-null means a refusal fault was drawn for it. */
    Response handle(Request r, String forcedRefusal) {
        try {
            if (r.path().startsWith("/sim/")) {
                return control.handle(r);
            }
            Response unauthorised = auth.check(r);
            if (unauthorised != null) {
                return unauthorised;
            }
            return route(r, forcedRefusal);
        } catch (WireFormatException | IllegalArgumentException e) {
            return Response.error(400, "bad-request", e.getMessage());
        }
    }

    private Response route(Request r, String forcedRefusal) {
        String m = r.method();
        String p = r.path();
        if (p.equals("/v1/accounts/check")) {
            return "POST".equals(m) ? check(r, forcedRefusal) : notAllowed(m, p);
        }
        if (p.equals("/v1/catalog")) {
            return "GET".equals(m) ? byOperator(r, SimCatalog::all, SimCatalog::forOperator, AccountJson::catalog)
                    : notAllowed(m, p);
        }
        if (p.equals("/v1/goods")) {
            return "GET".equals(m) ? byOperator(r, SimGoods::all, SimGoods::forOperator, GoodsJson::offers)
                    : notAllowed(m, p);
        }
        if (p.equals("/v1/payments")) {
            return "POST".equals(m) ? pay(r, forcedRefusal) : notAllowed(m, p);
        }
        if (p.equals("/v1/otp")) {
            return "POST".equals(m) ? otp.request(r.body()) : notAllowed(m, p);
        }
        // The calls a one-time code opens: auto top-up enrolment, and spending a token before showing payments.
        if (p.equals("/v1/autotopup")) {
            return "POST".equals(m) ? autoTopUps.enrol(r.body(), r.header().apply("Idempotency-Key")) : notAllowed(m, p);
        }
        if (p.equals("/v1/otp/tokens/redeem")) {
            return "POST".equals(m) ? autoTopUps.spendToken(r.body(), r.header().apply("Idempotency-Key"))
                    : notAllowed(m, p);
        }
        Matcher v = OTP_VERIFY.matcher(p);
        if (v.matches()) {
            return "POST".equals(m) ? otp.verify(v.group(1), r.body()) : notAllowed(m, p);
        }
        if (p.equals("/v1/vouchers/validate")) {
            return "POST".equals(m) ? validateVoucher(r, forcedRefusal) : notAllowed(m, p);
        }
        if (p.equals("/v1/vouchers/redeem")) {
            return "POST".equals(m) ? redeemVoucher(r, forcedRefusal) : notAllowed(m, p);
        }
        Matcher b = BALANCE.matcher(p);
        if (b.matches()) {
            return "GET".equals(m) ? balance(b.group(1)) : notAllowed(m, p);
        }
        Matcher sim = SIM.matcher(p);
        if (sim.matches()) {
            return "GET".equals(m) ? subscriber(sim.group(1)) : notAllowed(m, p);
        }
        Matcher t = PAYMENT.matcher(p);
        if (t.matches()) {
            return "GET".equals(m) ? status(t.group(1)) : notAllowed(m, p);
        }
        return Response.error(404, "no-route", "no endpoint " + m + " " + p);
    }

    private Response check(Request r, String forcedRefusal) {
        JsonNode n = CarrierJson.parse(r.body());
        Msisdn msisdn = msisdn(CarrierJson.text(n, "msisdn"));
        AccountCheck c = PaymentRules.check(msisdn);
        if (forcedRefusal != null) {
            c = new AccountCheck(c.msisdn(), c.operatorId(), false, forcedRefusal, c.minAmount(), c.maxAmount());
        }
        return Response.json(200, AccountJson.accountCheck(c));
    }

    private Response balance(String rawMsisdn) {
        Msisdn m = msisdn(rawMsisdn);
        if (!NumberPlan.exists(m)) {
            return Response.error(404, "unknown-number", "no such subscriber");
        }
        return Response.json(200, AccountJson.balance(ledger.balance(m)));
    }

    private Response subscriber(String iccid) {
        if (!iccid.matches("\\d{18,20}")) {
            return Response.error(400, "bad-iccid", "iccid must be 18-20 digits, got '" + iccid + "'");
        }
        return sims.find(iccid)
                .map(s -> Response.json(200, AccountJson.simSubscriber(s)))
                .orElseGet(() -> Response.error(404, "unknown-sim", "no subscriber with this ICCID"));
    }

    /** The catalog or the goods, of one operator ({@code ?operator=}) or of all. */
    private static <T> Response byOperator(Request r, Supplier<List<T>> all, Function<String, List<T>> ofOperator,
                                           Function<List<T>, JsonNode> json) {
        String operator = queryParam(r.query(), "operator");
        List<T> found = operator == null ? all.get() : ofOperator.apply(operator);
        if (found.isEmpty()) {
            return Response.error(404, "unknown-operator", "no operator '" + operator + "'");
        }
        return Response.json(200, json.apply(found));
    }

    private Response pay(Request r, String forcedRefusal) {
        PaymentRequest req = PaymentJson.paymentRequest(CarrierJson.parse(r.body()));
        if (!TXN_ID.matcher(req.txnId()).matches()) {
            return Response.error(400, "bad-txn-id", "txnId must be 1-64 of A-Z a-z 0-9 . _ : -");
        }
        String key = r.header().apply("Idempotency-Key");
        if (!req.txnId().equals(key)) {
            return Response.error(400, "idempotency-key", "Idempotency-Key header must equal txnId");
        }
        SimLedger.Offer offer = ledger.offer(req, () -> {
            PaymentRules.Decision d = forcedRefusal != null
                    ? PaymentRules.Decision.refuse(forcedRefusal, "refused (injected)") : PaymentRules.decide(req);
            // Goods are issued here, for a txnId the ledger has never seen: a repeat gets the stored ones.
            return d.status() == PaymentResult.Status.CONFIRMED && req.goods() != null
                    ? new PaymentRules.Decision(d.status(), null, d.message(), goods.issue(req)) : d;
        });
        if (offer instanceof SimLedger.Conflict c) {
            return Response.error(409, "txn-conflict", "txn " + req.txnId() + " was already used for another payment");
        }
        if (offer instanceof SimLedger.Created cr && cr.entry().goods() instanceof IssuedGoods.EPin pin) {
            // A sold e-PIN is a voucher like a scratch card: the kiosk's scratch-card service can apply it.
            GoodsOffer o = SimGoods.offer(req.productId()).orElseThrow();
            vouchers.issue(pin.pin(), pin.serial(), o.price(), o.operatorId());
        }
        LedgerEntry e = offer instanceof SimLedger.Created cr ? cr.entry() : ((SimLedger.Repeat) offer).entry();
        return Response.json(200, PaymentJson.paymentResult(e.toResult()));
    }


    private Response validateVoucher(Request r, String forcedRefusal) {
        String pin = pin(CarrierJson.text(CarrierJson.parse(r.body()), "pin"));
        VoucherInfo v = forcedRefusal != null ? null : vouchers.validate(pin);
        if (v == null) {
            return Response.error(404, forcedRefusal != null ? forcedRefusal : "unknown-voucher", "no card with this PIN");
        }
        return Response.json(200, VoucherJson.voucherInfo(v));
    }

    private Response redeemVoucher(Request r, String forcedRefusal) {
        JsonNode n = CarrierJson.parse(r.body());
        String id = CarrierJson.text(n, "redemptionId");
        if (!TXN_ID.matcher(id).matches()) {
            return Response.error(400, "bad-redemption-id", "redemptionId must be 1-64 of A-Z a-z 0-9 . _ : -");
        }
        if (!id.equals(r.header().apply("Idempotency-Key"))) {
            return Response.error(400, "idempotency-key", "Idempotency-Key header must equal redemptionId");
        }
        String pin = pin(CarrierJson.text(n, "pin"));
        Msisdn msisdn = msisdn(CarrierJson.text(n, "msisdn"));
        String refusal = forcedRefusal != null ? forcedRefusal : PaymentRules.check(msisdn).refusalCode();
        VoucherRedemption answer;
        try {
            answer = vouchers.redeem(id, pin, msisdn, refusal);
        } catch (SimVouchers.Conflict e) {
            return Response.error(409, "redemption-conflict", e.getMessage());
        }
        if (answer.status() == VoucherRedemption.Status.REDEEMED && answer.carrierRef() != null
                && credited.add(id)) {
            ledger.creditVoucher(msisdn, answer.nominal());
        }
        return Response.json(200, VoucherJson.voucherRedemption(answer));
    }

    /** Scratch-card PINs are 10 to 20 digits; anything else is a malformed request, not an unknown card. */
    private static String pin(String pin) {
        if (!pin.matches("[0-9]{10,20}")) {
            throw new WireFormatException("pin must be 10-20 digits");
        }
        return pin;
    }

    private Response status(String txnId) {
        LedgerEntry e = ledger.lookup(txnId);
        if (e == null) {
            return Response.json(404, PaymentJson.paymentResult(new PaymentResult(txnId, PaymentResult.Status.NOT_FOUND,
                    null, null, null, "no payment with this txnId")).put("code", "not-found"));
        }
        return Response.json(200, PaymentJson.paymentResult(e.toResult()));
    }

    static Msisdn msisdn(String s) {
        try {
            return new Msisdn(s);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("msisdn must be +79XXXXXXXXX, got '" + s + "'", e);
        }
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Response notAllowed(String method, String path) {
        return Response.error(405, "method-not-allowed", method + " is not allowed on " + path);
    }
}
