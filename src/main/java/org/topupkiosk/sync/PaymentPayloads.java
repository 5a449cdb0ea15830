package org.topupkiosk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.topupkiosk.carrier.PaymentRequest;
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
        n.put("msisdn", r.msisdn().e164());
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
        return n.toString();
    }

    /** Reads a payload back; a damaged row is an IllegalArgumentException naming the field, never a silent default. */
    public static PaymentRequest fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new PaymentRequest(
                    text(n, "txnId"),
                    Msisdn.of(text(n, "msisdn")),
                    text(n, "operatorId"),
                    new Money(number(n, "amountMinor"), text(n, "currency")),
                    n.hasNonNull("productId") ? n.get("productId").asText() : null,
                    Instant.parse(text(n, "createdAt")),
                    n.hasNonNull("promoId") ? n.get("promoId").asText() : null);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("outbox payload field 'createdAt' is not an instant: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload is not JSON: " + e.getOriginalMessage(), e);
        }
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
