package org.topupkiosk.flow.fiscal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;

/**
 * A receipt as the journal keeps it with its intent (fiscal_intents.receipt_json), so a restart sends the very receipt
 * the kiosk meant to send. Reading a damaged text fails with an {@link IllegalArgumentException} that names the field.
 */
public final class FiscalReceiptJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FiscalReceiptJson() {}

    public static String write(FiscalReceipt r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("sign", r.sign().name());
        root.put("taxSystem", r.taxSystem().name());
        root.put("cashPaidMinor", r.cashPaidMinor());
        r.customerContact().ifPresent(c -> root.put("customerContact", c));
        root.put("cashier", r.cashier());
        ArrayNode items = root.putArray("items");
        for (FiscalItem item : r.items()) {
            ObjectNode i = items.addObject();
            i.put("name", item.name());
            i.put("priceMinor", item.priceMinor());
            i.put("quantity", item.quantity());
            item.agent().ifPresent(a -> {
                ObjectNode an = i.putObject("agent");
                an.put("operation", a.operation());
                strings(an.putArray("agentPhones"), a.agentPhones());
                strings(an.putArray("operatorPhones"), a.operatorPhones());
            });
            item.supplier().ifPresent(s -> {
                ObjectNode sn = i.putObject("supplier");
                sn.put("name", s.name());
                sn.put("inn", s.inn());
                strings(sn.putArray("phones"), s.phones());
            });
        }
        return root.toString();
    }

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public static FiscalReceipt read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fiscal receipt: not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("fiscal receipt: not a JSON object");
        }
        FiscalReceipt.Sign sign = enumOf(FiscalReceipt.Sign.class, text(root, "sign"), "sign");
        FiscalReceipt.TaxSystem tax = enumOf(FiscalReceipt.TaxSystem.class, text(root, "taxSystem"), "taxSystem");
        JsonNode itemsNode = root.get("items");
        if (itemsNode == null || !itemsNode.isArray()) {
            throw new IllegalArgumentException("fiscal receipt: items: missing or not a list");
        }
        List<FiscalItem> items = new ArrayList<>();
        for (int k = 0; k < itemsNode.size(); k++) {
            items.add(item(itemsNode.get(k), "items[" + k + "]"));
        }
        Optional<String> contact = root.has("customerContact")
                ? Optional.of(text(root, "customerContact")) : Optional.empty();
        try {
            return new FiscalReceipt(sign, tax, items, number(root, "cashPaidMinor"), contact, text(root, "cashier"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fiscal receipt: " + e.getMessage(), e);
        }
    }

    private static FiscalItem item(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("fiscal receipt: " + where + ": not an object");
        }
        Optional<FiscalItem.Agent> agent = Optional.empty();
        Optional<FiscalItem.Supplier> supplier = Optional.empty();
        JsonNode a = n.get("agent");
        if (a != null) {
            String w = where + ".agent";
            agent = Optional.of(new FiscalItem.Agent(text(a, "operation", w), list(a, "agentPhones", w),
                    list(a, "operatorPhones", w)));
        }
        JsonNode s = n.get("supplier");
        if (s != null) {
            String w = where + ".supplier";
            supplier = Optional.of(new FiscalItem.Supplier(text(s, "name", w), text(s, "inn", w), list(s, "phones", w)));
        }
        long quantity = number(n, "quantity", where);
        if (quantity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fiscal receipt: " + where + ".quantity: too large: " + quantity);
        }
        try {
            return new FiscalItem(text(n, "name", where), number(n, "priceMinor", where), (int) quantity, agent,
                    supplier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fiscal receipt: " + where + ": " + e.getMessage(), e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String text(JsonNode n, String field) {
        return text(n, field, null);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.isObject() ? n.get(field) : null;
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("fiscal receipt: " + path(where, field) + ": missing or not text");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field) {
        return number(n, field, null);
    }

    private static long number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("fiscal receipt: " + path(where, field) + ": missing or not a whole "
                    + "number");
        }
        return v.asLong();
    }

    private static List<String> list(JsonNode n, String field, String where) {
        JsonNode v = n.isObject() ? n.get(field) : null;
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("fiscal receipt: " + path(where, field) + ": missing or not a list");
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            if (!v.get(k).isTextual()) {
                throw new IllegalArgumentException("fiscal receipt: " + path(where, field) + "[" + k + "]: not text");
            }
            out.add(v.get(k).asText());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fiscal receipt: " + field + ": unknown value " + value, e);
        }
    }

    private static String path(String where, String field) {
        return where == null ? field : where + "." + field;
    }
}
