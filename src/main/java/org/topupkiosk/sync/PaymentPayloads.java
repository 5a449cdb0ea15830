package org.topupkiosk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The outbox row's payload: the payment request exactly as it will be sent, frozen at submit time so every retry
 * sends the same thing under the same transaction id.
 */
public final class PaymentPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PaymentPayloads() {}

    public static String toJson(PaymentRequest r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("txnId", r.txnId());
        if (r.msisdn() != null) {
            n.put("msisdn", r.msisdn().e164());
        }
        n.put("operatorId", r.operatorId());
        n.put("amountMinor", r.amount().minor());
        n.put("currency", r.amount().currency());
        if (r.productId() != null) {
            n.put("productId", r.productId());
        }
        n.put("createdAt", r.createdAt().toString());
        if (r.promoId() != null) {
            n.put("promoId", r.promoId());
        }
        if (r.goods() != null) {
            n.put("goods", r.goods().wire());
        }
        if (r.device() != null) {
            n.put(r.device().kind().wire(), r.device().digits());
        }
        return n.toString();
    }

    /** Reads a payload back; a damaged row is an IllegalArgumentException naming the field, never a silent default. */
    public static PaymentRequest fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("outbox payload is not a JSON object");
            }
            GoodsKind goods = n.hasNonNull("goods") ? GoodsKind.ofWire(text(n, "goods")) : null;
            // An e-PIN or eSIM is sold without a customer number; every other payment names one.
            Msisdn msisdn = goods != null && !n.hasNonNull("msisdn") ? null : Msisdn.of(text(n, "msisdn"));
            return new PaymentRequest(
                    text(n, "txnId"),
                    msisdn,
                    text(n, "operatorId"),
                    new Money(number(n, "amountMinor"), text(n, "currency")),
                    n.hasNonNull("productId") ? text(n, "productId") : null,
                    Instant.parse(text(n, "createdAt")),
                    n.hasNonNull("promoId") ? text(n, "promoId") : null,
                    goods,
                    device(n));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("outbox payload field 'createdAt' is not an instant: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static DeviceId device(JsonNode n) {
        boolean eid = n.hasNonNull("eid");
        boolean imei = n.hasNonNull("imei");
        if (eid && imei) {
            throw new IllegalArgumentException("outbox payload has both 'eid' and 'imei'");
        }
        if (!eid && !imei) {
            return null;
        }
        String field = eid ? "eid" : "imei";
        DeviceId id = DeviceId.of(text(n, field));
        if (id.kind() != (eid ? DeviceId.Kind.EID : DeviceId.Kind.IMEI)) {
            throw new IllegalArgumentException("outbox payload field '" + field + "' holds a " + id.kind());
        }
        return id;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("outbox payload field '" + field + "' missing or not text");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("outbox payload field '" + field + "' missing or not a whole number");
        }
        return v.asLong();
    }
}
