package org.topupkiosk.carrier.wire;

import static org.topupkiosk.carrier.wire.CarrierJson.money;
import static org.topupkiosk.carrier.wire.CarrierJson.object;
import static org.topupkiosk.carrier.wire.CarrierJson.oneOf;
import static org.topupkiosk.carrier.wire.CarrierJson.optionalText;
import static org.topupkiosk.carrier.wire.CarrierJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** Scratch-card voucher validation and redemption on the carrier API. */
public final class VoucherJson {

    private VoucherJson() {}

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
}
