package org.topupkiosk.device.emulator.fiscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalDocument;

/**
 * One archive document as one JSON object, for the storage's state file and the archive export (one per line). A damaged
 * line gets an {@link IllegalArgumentException} naming the field.
 */
final class FnJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private FnJson() {}

    static ObjectNode document(FnDocument d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", d.kind().name());
        o.put("number", d.number());
        o.put("fiscalSign", d.fiscalSign());
        o.put("dateTime", d.dateTime().toString());
        o.put("sum", d.sumMinor());
        o.put("shift", d.shift());
        d.receipt().ifPresent(r -> {
            ObjectNode ro = o.putObject("receipt");
            ro.put("sign", r.sign());
            ro.put("taxSystem", r.taxSystem());
            ro.put("cash", r.cashMinor());
            ro.put("other", r.otherMinor());
            ro.put("change", r.changeMinor());
            ro.put("tlv", HEX.formatHex(r.receiptTlv()));
            ArrayNode ops = ro.putArray("operations");
            for (FnOperation op : r.operations()) {
                ObjectNode po = ops.addObject();
                po.put("type", op.type());
                po.put("quantityMicro", op.quantityMicro());
                po.put("price", op.priceMinor());
                po.put("sum", op.sumMinor());
                po.put("taxRate", op.taxRate());
                po.put("method", op.method());
                po.put("subject", op.subject());
                po.put("name", op.name());
                po.put("tlv", HEX.formatHex(op.linkedTlv()));
            }
        });
        return o;
    }

    static FnDocument document(JsonNode o) {
        FiscalDocument.Kind kind;
        try {
            kind = FiscalDocument.Kind.valueOf(text(o, "kind"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field kind: unknown document kind " + o.get("kind"), e);
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(text(o, "dateTime"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field dateTime: " + e.getMessage(), e);
        }
        Optional<FnReceipt> receipt = Optional.empty();
        JsonNode r = o.get("receipt");
        if (r != null && !r.isNull()) {
            List<FnOperation> ops = new ArrayList<>();
            JsonNode arr = r.get("operations");
            if (arr == null || !arr.isArray()) {
                throw new IllegalArgumentException("field receipt.operations: missing");
            }
            for (JsonNode p : arr) {
                ops.add(new FnOperation((int) number(p, "type"), number(p, "quantityMicro"), number(p, "price"),
                        number(p, "sum"), (int) number(p, "taxRate"), (int) number(p, "method"),
                        (int) number(p, "subject"), text(p, "name"), hex(p, "tlv")));
            }
            receipt = Optional.of(new FnReceipt((int) number(r, "sign"), (int) number(r, "taxSystem"),
                    number(r, "cash"), number(r, "other"), number(r, "change"), ops, hex(r, "tlv")));
        }
        return new FnDocument(kind, number(o, "number"), number(o, "fiscalSign"), at, number(o, "sum"),
                (int) number(o, "shift"), receipt);
    }

    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field " + field + ": missing or not text");
        }
        return v.asText();
    }

    static long number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field " + field + ": missing or not a whole number");
        }
        return v.asLong();
    }

    static byte[] hex(JsonNode o, String field) {
        try {
            return HEX.parseHex(text(o, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + field + ": not hex: " + e.getMessage(), e);
        }
    }
}
