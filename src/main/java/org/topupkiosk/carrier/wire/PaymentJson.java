package org.topupkiosk.carrier.wire;

import static org.topupkiosk.carrier.wire.CarrierJson.money;
import static org.topupkiosk.carrier.wire.CarrierJson.msisdn;
import static org.topupkiosk.carrier.wire.CarrierJson.object;
import static org.topupkiosk.carrier.wire.CarrierJson.optionalText;
import static org.topupkiosk.carrier.wire.CarrierJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.Msisdn;

/** Payment requests and their answers on the carrier API; the goods fields are {@link GoodsJson}'s. */
public final class PaymentJson {

    private PaymentJson() {}

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
}
