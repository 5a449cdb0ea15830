package org.topupkiosk.flow.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.OrderTerms;

/**
 * The product an order is opened for, as the journal keeps it ({@link OrderTerms}): a package from the carrier's
 * catalog, or an e-PIN nominal or eSIM plan with the phone's EID or IMEI if one was given. Written when the order opens,
 * read when a restart resumes it, so the resumed order has the same product and price, whatever the carrier's catalog
 * says by then. A record that does not read back (written by another version, or damaged) reads as empty: the order
 * is then not resumed but cancelled into a credit voucher.
 */
public final class ProductTerms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductTerms() {}

    public static OrderTerms of(CatalogEntry p) {
        ObjectNode o = JSON.createObjectNode().put("type", "package").put("productId", p.productId())
                .put("operatorId", p.operatorId()).put("kind", p.kind()).put("period", p.period())
                .put("dataMb", p.dataMb()).put("voiceMinutes", p.voiceMinutes());
        money(o, p.price());
        o.set("titles", JSON.valueToTree(p.titles()));
        return new OrderTerms(p.price(), o.toString());
    }

    /** An e-PIN or eSIM offer; {@code device} (an eSIM's EID or IMEI) may be null. */
    public static OrderTerms of(GoodsOffer g, DeviceId device) {
        ObjectNode o = JSON.createObjectNode().put("type", "goods").put("productId", g.productId())
                .put("operatorId", g.operatorId()).put("kind", g.kind().wire()).put("dataMb", g.dataMb())
                .put("voiceMinutes", g.voiceMinutes()).put("validDays", g.validDays());
        money(o, g.price());
        o.set("titles", JSON.valueToTree(g.titles()));
        if (device != null) {
            o.put("device", device.digits());
        }
        return new OrderTerms(g.price(), o.toString());
    }

    /** The package an order was opened for. */
    public static Optional<CatalogEntry> packageOf(OrderTerms t) {
        return read(t, "package").map(o -> new CatalogEntry(text(o, "productId"), text(o, "operatorId"),
                text(o, "kind"), text(o, "period"), t.price(), o.path("dataMb").asLong(),
                o.path("voiceMinutes").asLong(), titles(o)));
    }

    /** The e-PIN or eSIM offer an order was opened for. */
    public static Optional<GoodsOffer> offerOf(OrderTerms t) {
        return read(t, "goods").map(o -> new GoodsOffer(text(o, "productId"), text(o, "operatorId"),
                GoodsKind.ofWire(text(o, "kind")), t.price(), o.path("dataMb").asLong(), o.path("voiceMinutes").asLong(),
                o.path("validDays").asInt(), titles(o)));
    }

    /** The EID or IMEI given for an eSIM order, if any (and still valid). */
    public static Optional<DeviceId> deviceOf(OrderTerms t) {
        return read(t, "goods").map(o -> o.path("device").asText(""))
                .filter(d -> !d.isEmpty())
                .map(DeviceId::parse)
                .filter(p -> p instanceof DeviceId.Valid)
                .map(p -> ((DeviceId.Valid) p).id());
    }

    private static Optional<JsonNode> read(OrderTerms t, String type) {
        try {
            JsonNode o = JSON.readTree(t.productJson());
            if (!type.equals(o.path("type").asText())) {
                return Optional.empty();
            }
            Money stored = new Money(o.path("price").path("minor").asLong(), o.path("price").path("currency").asText());
            if (!stored.equals(t.price())) {
                return Optional.empty(); // the product and the price journaled beside it must agree
            }
            return Optional.of(o);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void money(ObjectNode o, Money price) {
        o.putObject("price").put("minor", price.minor()).put("currency", price.currency());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("order terms lack '" + field + "'");
        }
        return v.asText();
    }

    private static Map<String, String> titles(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.path("titles").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
