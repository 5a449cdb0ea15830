package org.topupkiosk.carrier.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The JSON shapes of the carrier REST API (docs/openapi.yaml), both ways. Written against the tree model rather than
 * data binding so every field is checked by hand: a missing or mistyped field is a {@link WireFormatException}, never a
 * silently defaulted zero. Money is always {@code {"minor": long, "currency": "RUB"}}; a float is refused.
 */
public final class CarrierJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private CarrierJson() {}

    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new WireFormatException("expected a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new WireFormatException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WireFormatException("unreadable body: " + e.getMessage(), e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    // Money

    public static ObjectNode money(Money m) {
        return object().put("minor", m.minor()).put("currency", m.currency());
    }

    public static Money money(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new WireFormatException("'" + field + "' must be an object {minor, currency}");
        }
        JsonNode minor = n.get("minor");
        if (minor == null || !minor.isIntegralNumber() || !minor.canConvertToLong()) {
            throw new WireFormatException("'" + field + ".minor' must be an integer number of minor units");
        }
        String currency = text(n, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new WireFormatException("'" + field + ".currency' must be an ISO 4217 code, got '" + currency + "'");
        }
        return new Money(minor.longValue(), currency);
    }

    // Account check

    public static ObjectNode checkRequest(Msisdn msisdn, String operatorId) {
        ObjectNode o = object().put("msisdn", msisdn.e164());
        if (operatorId != null) {
            o.put("operatorId", operatorId);
        }
        return o;
    }

    public static ObjectNode accountCheck(AccountCheck c) {
        ObjectNode o = object().put("msisdn", c.msisdn().e164()).put("operatorId", c.operatorId())
                .put("payable", c.payable()).put("refusalCode", c.refusalCode());
        o.set("minAmount", money(c.minAmount()));
        o.set("maxAmount", money(c.maxAmount()));
        return o;
    }

    public static AccountCheck accountCheck(JsonNode n) {
        JsonNode payable = n.get("payable");
        if (payable == null || !payable.isBoolean()) {
            throw new WireFormatException("'payable' must be true or false");
        }
        String refusal = optionalText(n, "refusalCode");
        if (!payable.booleanValue() && refusal == null) {
            throw new WireFormatException("a refused check must carry 'refusalCode'");
        }
        return new AccountCheck(msisdn(n, "msisdn"), optionalText(n, "operatorId"), payable.booleanValue(), refusal,
                money(n, "minAmount"), money(n, "maxAmount"));
    }

    // Balance

    public static ObjectNode balance(Balance b) {
        ObjectNode o = object().put("msisdn", b.msisdn().e164()).put("operatorId", b.operatorId());
        o.set("amount", money(b.amount()));
        o.put("expiresOn", b.expiresOn() == null ? null : b.expiresOn().toString());
        return o;
    }

    public static Balance balance(JsonNode n) {
        String expires = optionalText(n, "expiresOn");
        LocalDate expiresOn;
        try {
            expiresOn = expires == null ? null : LocalDate.parse(expires);
        } catch (RuntimeException e) {
            throw new WireFormatException("'expiresOn' must be an ISO date, got '" + expires + "'", e);
        }
        return new Balance(msisdn(n, "msisdn"), text(n, "operatorId"), money(n, "amount"), expiresOn);
    }

    // SIM subscriber

    public static ObjectNode simSubscriber(SimSubscriber s) {
        return object().put("iccid", s.iccid()).put("msisdn", s.msisdn().e164()).put("operatorId", s.operatorId());
    }

    public static SimSubscriber simSubscriber(JsonNode n) {
        String iccid = text(n, "iccid");
        if (!iccid.matches("\\d{18,20}")) {
            throw new WireFormatException("'iccid' must be 18-20 digits, got '" + iccid + "'");
        }
        return new SimSubscriber(iccid, msisdn(n, "msisdn"), text(n, "operatorId"));
    }

    // Catalog

    public static ObjectNode catalog(List<CatalogEntry> entries) {
        ObjectNode o = object();
        ArrayNode products = o.putArray("products");
        for (CatalogEntry e : entries) {
            ObjectNode p = products.addObject().put("productId", e.productId()).put("operatorId", e.operatorId())
                    .put("kind", e.kind()).put("period", e.period());
            p.set("price", money(e.price()));
            p.put("dataMb", e.dataMb()).put("voiceMinutes", e.voiceMinutes());
            ObjectNode titles = p.putObject("titles");
            e.titles().forEach(titles::put);
        }
        return o;
    }

    public static List<CatalogEntry> catalog(JsonNode n) {
        JsonNode products = n.get("products");
        if (products == null || !products.isArray()) {
            throw new WireFormatException("'products' must be an array");
        }
        List<CatalogEntry> out = new ArrayList<>(products.size());
        for (JsonNode p : products) {
            if (!p.isObject()) {
                throw new WireFormatException("'products' must hold objects");
            }
            String kind = oneOf(p, "kind", "data", "voice", "combo");
            String period = oneOf(p, "period", "day", "month", "unlimited");
            JsonNode titlesNode = p.get("titles");
            if (titlesNode == null || !titlesNode.isObject()) {
                throw new WireFormatException("'titles' must be an object of language to text");
            }
            Map<String, String> titles = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = titlesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                if (!t.getValue().isTextual()) {
                    throw new WireFormatException("title '" + t.getKey() + "' must be text");
                }
                titles.put(t.getKey(), t.getValue().textValue());
            }
            out.add(new CatalogEntry(text(p, "productId"), text(p, "operatorId"), kind, period, money(p, "price"),
                    nonNegativeLong(p, "dataMb"), nonNegativeLong(p, "voiceMinutes"), Map.copyOf(titles)));
        }
        return List.copyOf(out);
    }

    // Payments

    public static ObjectNode paymentRequest(PaymentRequest r) {
        ObjectNode o = object().put("txnId", r.txnId());
        if (r.msisdn() != null) {
            o.put("msisdn", r.msisdn().e164());
        }
        o.put("operatorId", r.operatorId());
        o.set("amount", money(r.amount()));
        o.put("productId", r.productId()).put("createdAt", r.createdAt().toString());
        if (r.promoId() != null) {
            o.put("promoId", r.promoId());
        }
        GoodsJson.putGoodsFields(o, r);
        return o;
    }

    public static PaymentRequest paymentRequest(JsonNode n) {
        String created = text(n, "createdAt");
        Instant createdAt;
        try {
            createdAt = Instant.parse(created);
        } catch (RuntimeException e) {
            throw new WireFormatException("'createdAt' must be an ISO-8601 instant, got '" + created + "'", e);
        }
        GoodsKind goods = GoodsJson.goodsKind(n);
        Msisdn msisdn = goods != null && optionalText(n, "msisdn") == null ? null : msisdn(n, "msisdn");
        try {
            return new PaymentRequest(text(n, "txnId"), msisdn, optionalText(n, "operatorId"), money(n, "amount"),
                    optionalText(n, "productId"), createdAt, optionalText(n, "promoId"), goods, GoodsJson.device(n));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    // Scratch-card vouchers

    public static ObjectNode voucherValidateRequest(String pin) {
        return object().put("pin", pin);
    }

    public static ObjectNode voucherInfo(VoucherInfo v) {
        ObjectNode o = object().put("serial", v.serial()).put("operatorId", v.operatorId())
                .put("state", v.state().name());
        o.set("nominal", money(v.nominal()));
        return o;
    }

    public static VoucherInfo voucherInfo(JsonNode n) {
        String state = oneOf(n, "state", "UNUSED", "USED", "EXPIRED");
        Money nominal = money(n, "nominal");
        if (!nominal.isPositive()) {
            throw new WireFormatException("'nominal' must be above zero");
        }
        return new VoucherInfo(text(n, "serial"), nominal, text(n, "operatorId"), VoucherInfo.State.valueOf(state));
    }

    public static ObjectNode voucherRedeemRequest(String pin, Msisdn msisdn, String redemptionId) {
        return object().put("redemptionId", redemptionId).put("pin", pin).put("msisdn", msisdn.e164());
    }

    public static ObjectNode voucherRedemption(VoucherRedemption r) {
        ObjectNode o = object().put("redemptionId", r.redemptionId()).put("status", r.status().name())
                .put("serial", r.serial()).put("operatorId", r.operatorId()).put("carrierRef", r.carrierRef())
                .put("refusalCode", r.refusalCode());
        o.set("nominal", r.nominal() == null ? null : money(r.nominal()));
        return o;
    }

    public static VoucherRedemption voucherRedemption(JsonNode n) {
        VoucherRedemption.Status status = VoucherRedemption.Status.valueOf(oneOf(n, "status", "REDEEMED", "REFUSED"));
        String ref = optionalText(n, "carrierRef");
        String refusal = optionalText(n, "refusalCode");
        if (status == VoucherRedemption.Status.REDEEMED && ref == null) {
            throw new WireFormatException("REDEEMED voucher without 'carrierRef'");
        }
        if (status == VoucherRedemption.Status.REFUSED && refusal == null) {
            throw new WireFormatException("REFUSED voucher without 'refusalCode'");
        }
        Money nominal = n.hasNonNull("nominal") ? money(n, "nominal") : null;
        if (status == VoucherRedemption.Status.REDEEMED && nominal == null) {
            throw new WireFormatException("REDEEMED voucher without 'nominal'");
        }
        return new VoucherRedemption(text(n, "redemptionId"), status, optionalText(n, "serial"), nominal,
                optionalText(n, "operatorId"), ref, refusal);
    }

    public static ObjectNode paymentResult(PaymentResult r) {
        ObjectNode o = object().put("txnId", r.txnId()).put("status", r.status().name())
                .put("carrierRef", r.carrierRef());
        o.set("amount", r.amount() == null ? null : money(r.amount()));
        o.put("refusalCode", r.refusalCode()).put("message", r.message());
        if (r.goods() != null) {
            o.set("goods", GoodsJson.issued(r.goods()));
        }
        return o;
    }

    /** Decodes a payment answer and checks it is a consistent one (a CONFIRMED payment has a reference, etc.). */
    public static PaymentResult paymentResult(JsonNode n) {
        String statusText = text(n, "status");
        PaymentResult.Status status;
        try {
            status = PaymentResult.Status.valueOf(statusText);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("unknown payment status '" + statusText + "'", e);
        }
        String txnId = text(n, "txnId");
        String message = optionalText(n, "message");
        if (status == PaymentResult.Status.NOT_FOUND) {
            return new PaymentResult(txnId, status, null, null, null, message);
        }
        String carrierRef = optionalText(n, "carrierRef");
        String refusal = optionalText(n, "refusalCode");
        if (status != PaymentResult.Status.REFUSED && carrierRef == null) {
            throw new WireFormatException(status + " payment without 'carrierRef'");
        }
        if (status == PaymentResult.Status.REFUSED && refusal == null) {
            throw new WireFormatException("REFUSED payment without 'refusalCode'");
        }
        // Goods come only with a confirmation; on any other status they are not trusted, and not read.
        IssuedGoods goods = status == PaymentResult.Status.CONFIRMED && n.hasNonNull("goods")
                ? GoodsJson.issued(n.get("goods")) : null;
        return new PaymentResult(txnId, status, carrierRef, money(n, "amount"), refusal, message, goods);
    }

    // Errors

    public static ObjectNode error(String code, String message) {
        return object().put("code", code).put("message", message);
    }

    // Field helpers

    public static String text(JsonNode n, String field) {
        String v = optionalText(n, field);
        if (v == null || v.isEmpty()) {
            throw new WireFormatException("'" + field + "' is required");
        }
        return v;
    }

    public static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new WireFormatException("'" + field + "' must be a string");
        }
        return v.textValue();
    }

    static Msisdn msisdn(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return new Msisdn(v);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("'" + field + "' must be +79XXXXXXXXX", e);
        }
    }

    static String oneOf(JsonNode n, String field, String... allowed) {
        String v = text(n, field);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new WireFormatException("'" + field + "' must be one of " + String.join("|", allowed) + ", got '" + v + "'");
    }

    private static long nonNegativeLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new WireFormatException("'" + field + "' must be a non-negative integer");
        }
        return v.longValue();
    }
}
