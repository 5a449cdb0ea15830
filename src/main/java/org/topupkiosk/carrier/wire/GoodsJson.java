package org.topupkiosk.carrier.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.DeviceId;

/**
 * The JSON of e-PIN and eSIM sales (docs/carrier-api.md "Goods"): the offers of {@code GET /v1/goods}, the goods a
 * confirmed payment issued, and the goods fields of a payment request. Checked field by field like
 * {@link CarrierJson}: anything missing or malformed is a {@link WireFormatException}.
 */
public final class GoodsJson {

    private GoodsJson() {}

    // Offers

    public static ObjectNode offers(List<GoodsOffer> offers) {
        ObjectNode o = CarrierJson.object();
        ArrayNode goods = o.putArray("goods");
        for (GoodsOffer g : offers) {
            ObjectNode p = goods.addObject().put("productId", g.productId()).put("operatorId", g.operatorId())
                    .put("kind", g.kind().wire());
            p.set("price", CarrierJson.money(g.price()));
            p.put("dataMb", g.dataMb()).put("voiceMinutes", g.voiceMinutes()).put("validDays", g.validDays());
            CarrierJson.putTitles(p, g.titles());
        }
        return o;
    }

    public static List<GoodsOffer> offers(JsonNode n) {
        List<GoodsOffer> out = new ArrayList<>();
        for (JsonNode g : CarrierJson.objects(n, "goods")) {
            GoodsKind kind = GoodsKind.ofWire(CarrierJson.oneOf(g, "kind", "epin", "esim"));
            Map<String, String> titles = CarrierJson.titles(g);
            try {
                out.add(new GoodsOffer(CarrierJson.text(g, "productId"), CarrierJson.text(g, "operatorId"), kind,
                        CarrierJson.money(g, "price"), quantity(g, "dataMb"), quantity(g, "voiceMinutes"),
                        (int) Math.min(Integer.MAX_VALUE, quantity(g, "validDays")), titles));
            } catch (IllegalArgumentException e) {
                throw new WireFormatException(e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    // Issued goods

    public static ObjectNode issued(IssuedGoods goods) {
        ObjectNode o = CarrierJson.object().put("kind", goods.kind().wire());
        if (goods instanceof IssuedGoods.EPin p) {
            o.put("pin", p.pin()).put("serial", p.serial())
                    .put("expiresOn", p.expiresOn() == null ? null : p.expiresOn().toString());
        } else if (goods instanceof IssuedGoods.Esim e) {
            o.put("activationCode", e.activationCode()).put("msisdn", e.msisdn().e164()).put("iccid", e.iccid());
        }
        return o;
    }

    public static IssuedGoods issued(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new WireFormatException("'goods' must be an object");
        }
        GoodsKind kind = GoodsKind.ofWire(CarrierJson.oneOf(n, "kind", "epin", "esim"));
        try {
            if (kind == GoodsKind.EPIN) {
                String expires = CarrierJson.optionalText(n, "expiresOn");
                LocalDate expiresOn;
                try {
                    expiresOn = expires == null ? null : LocalDate.parse(expires);
                } catch (RuntimeException e) {
                    throw new WireFormatException("'expiresOn' must be an ISO date, got '" + expires + "'", e);
                }
                return new IssuedGoods.EPin(CarrierJson.text(n, "pin"), CarrierJson.text(n, "serial"), expiresOn);
            }
            return new IssuedGoods.Esim(CarrierJson.text(n, "activationCode"), CarrierJson.msisdn(n, "msisdn"),
                    CarrierJson.optionalText(n, "iccid"));
        } catch (WireFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("goods: " + e.getMessage(), e);
        }
    }

    // Payment request fields

    static void putGoodsFields(ObjectNode o, PaymentRequest r) {
        if (r.goods() == null) {
            return;
        }
        o.put("goods", r.goods().wire());
        if (r.device() != null) {
            o.put(r.device().kind().wire(), r.device().digits());
        }
    }

    /** The request's {@code goods} kind, or null for a top-up or package. */
    static GoodsKind goodsKind(JsonNode n) {
        String g = CarrierJson.optionalText(n, "goods");
        return g == null ? null : GoodsKind.ofWire(CarrierJson.oneOf(n, "goods", "epin", "esim"));
    }

    /** The optional {@code eid} or {@code imei} of an eSIM request; both at once is refused. */
    static DeviceId device(JsonNode n) {
        String eid = CarrierJson.optionalText(n, "eid");
        String imei = CarrierJson.optionalText(n, "imei");
        if (eid != null && imei != null) {
            throw new WireFormatException("send 'eid' or 'imei', not both");
        }
        String text = eid != null ? eid : imei;
        if (text == null) {
            return null;
        }
        DeviceId.Parsed p = DeviceId.parse(text);
        if (!(p instanceof DeviceId.Valid v) || v.id().kind() != (eid != null ? DeviceId.Kind.EID : DeviceId.Kind.IMEI)) {
            throw new WireFormatException("'" + (eid != null ? "eid" : "imei") + "' is not a valid "
                    + (eid != null ? "EID (32 digits, mod 97 = 1)" : "IMEI (15 digits, Luhn)"));
        }
        return v.id();
    }

    private static long quantity(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < -1) {
            throw new WireFormatException("'" + field + "' must be an integer, -1 for unlimited");
        }
        return v.longValue();
    }
}
