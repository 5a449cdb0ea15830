package org.topupkiosk.carrier.wire;

import static org.topupkiosk.carrier.wire.CarrierJson.money;
import static org.topupkiosk.carrier.wire.CarrierJson.msisdn;
import static org.topupkiosk.carrier.wire.CarrierJson.object;
import static org.topupkiosk.carrier.wire.CarrierJson.objects;
import static org.topupkiosk.carrier.wire.CarrierJson.oneOf;
import static org.topupkiosk.carrier.wire.CarrierJson.optionalText;
import static org.topupkiosk.carrier.wire.CarrierJson.putTitles;
import static org.topupkiosk.carrier.wire.CarrierJson.text;
import static org.topupkiosk.carrier.wire.CarrierJson.titles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.domain.Msisdn;

/** The account look-ups of the carrier API: account check, balance, SIM subscriber by ICCID and the catalog. */
public final class AccountJson {

    private AccountJson() {}

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
            putTitles(p, e.titles());
        }
        return o;
    }

    public static List<CatalogEntry> catalog(JsonNode n) {
        List<CatalogEntry> out = new ArrayList<>();
        for (JsonNode p : objects(n, "products")) {
            String kind = oneOf(p, "kind", "data", "voice", "combo");
            String period = oneOf(p, "period", "day", "month", "unlimited");
            Map<String, String> titles = titles(p);
            out.add(new CatalogEntry(text(p, "productId"), text(p, "operatorId"), kind, period, money(p, "price"),
                    nonNegativeLong(p, "dataMb"), nonNegativeLong(p, "voiceMinutes"), Map.copyOf(titles)));
        }
        return List.copyOf(out);
    }

    private static long nonNegativeLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new WireFormatException("'" + field + "' must be a non-negative integer");
        }
        return v.longValue();
    }
}
