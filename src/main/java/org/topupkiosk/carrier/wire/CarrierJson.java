package org.topupkiosk.carrier.wire;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The elements of array {@code field}, each an object; a missing array or any other element is refused. */
    static List<JsonNode> objects(JsonNode n, String field) {
        JsonNode array = n.get(field);
        if (array == null || !array.isArray()) {
            throw new WireFormatException("'" + field + "' must be an array");
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        for (JsonNode e : array) {
            if (!e.isObject()) {
                throw new WireFormatException("'" + field + "' must hold objects");
            }
            out.add(e);
        }
        return out;
    }

    /** A product's {@code titles}: an object of language to text. */
    static Map<String, String> titles(JsonNode n) {
        JsonNode titlesNode = n.get("titles");
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
        return titles;
    }

    static void putTitles(ObjectNode product, Map<String, String> titles) {
        ObjectNode o = product.putObject("titles");
        titles.forEach(o::put);
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
}
