package org.topupkiosk.carrier.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.AutoTopUpRule;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.domain.Msisdn;

/**
 * The messages of the calls a one-time code opens (docs/carrier-api.md: POST /v1/autotopup, POST
 * /v1/otp/tokens/redeem), both directions: the kiosk and the simulator share them. Decoders throw
 * {@link WireFormatException} for anything that is not a consistent answer.
 */
public final class AutoTopUpJson {

    private AutoTopUpJson() {}

    // POST /v1/autotopup

    public static ObjectNode request(AutoTopUpRequest r) {
        ObjectNode o = CarrierJson.object();
        o.put("enrolmentId", r.enrolmentId());
        o.put("msisdn", r.msisdn().e164());
        o.set("threshold", CarrierJson.money(r.threshold()));
        o.set("amount", CarrierJson.money(r.amount()));
        o.put("otpToken", r.otpToken());
        return o;
    }

    public static AutoTopUpRequest request(JsonNode n) {
        try {
            return new AutoTopUpRequest(CarrierJson.text(n, "enrolmentId"), msisdn(n, "msisdn"),
                    CarrierJson.money(n, "threshold"), CarrierJson.money(n, "amount"),
                    // A missing token is the carrier's refusal (bad-token), not a malformed request.
                    CarrierJson.optionalText(n, "otpToken") == null ? "" : CarrierJson.optionalText(n, "otpToken"));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    public static ObjectNode enrolment(AutoTopUpEnrolment e) {
        ObjectNode o = CarrierJson.object();
        o.put("enrolmentId", e.enrolmentId());
        o.put("status", e.status().name());
        if (e.rule() == null) {
            o.putNull("rule");
        } else {
            o.set("rule", rule(e.rule()));
        }
        if (e.replaced() == null) {
            o.putNull("replacedRule");
        } else {
            o.set("replacedRule", rule(e.replaced()));
        }
        o.put("refusalCode", e.refusalCode());
        return o;
    }

    public static AutoTopUpEnrolment enrolment(JsonNode n) {
        String status = CarrierJson.text(n, "status");
        String id = CarrierJson.text(n, "enrolmentId");
        String refusal = CarrierJson.optionalText(n, "refusalCode");
        AutoTopUpRule rule = optionalRule(n, "rule");
        AutoTopUpRule replaced = optionalRule(n, "replacedRule");
        try {
            return switch (status) {
                case "ACTIVE" -> new AutoTopUpEnrolment(id, AutoTopUpEnrolment.Status.ACTIVE, rule, replaced, refusal);
                case "REFUSED" -> new AutoTopUpEnrolment(id, AutoTopUpEnrolment.Status.REFUSED, rule, replaced,
                        refusal);
                default -> throw new WireFormatException("'status' must be ACTIVE or REFUSED, got '" + status + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    private static ObjectNode rule(AutoTopUpRule r) {
        ObjectNode o = CarrierJson.object();
        o.put("ruleId", r.ruleId());
        o.set("threshold", CarrierJson.money(r.threshold()));
        o.set("amount", CarrierJson.money(r.amount()));
        return o;
    }

    private static AutoTopUpRule optionalRule(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new WireFormatException("'" + field + "' must be an object or null");
        }
        try {
            return new AutoTopUpRule(CarrierJson.text(n, "ruleId"), CarrierJson.money(n, "threshold"),
                    CarrierJson.money(n, "amount"));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(field + ": " + e.getMessage(), e);
        }
    }

    // POST /v1/otp/tokens/redeem

    public static ObjectNode tokenUseRequest(String useId, String token, Msisdn msisdn, String purpose) {
        ObjectNode o = CarrierJson.object();
        o.put("useId", useId);
        o.put("token", token);
        o.put("msisdn", msisdn.e164());
        o.put("purpose", purpose);
        return o;
    }

    /** The request's fields, checked: a purpose the API does not know is a malformed request. */
    public record TokenUseRequest(String useId, String token, Msisdn msisdn, String purpose) {
        @Override
        public String toString() {
            return "TokenUseRequest[useId=" + useId + ", msisdn=" + msisdn.masked() + ", purpose=" + purpose + "]";
        }
    }

    public static TokenUseRequest tokenUseRequest(JsonNode n) {
        String useId = CarrierJson.text(n, "useId");
        if (!AutoTopUpRequest.ID.matcher(useId).matches()) {
            throw new WireFormatException("'useId' must be 1-64 of A-Z a-z 0-9 . _ : -");
        }
        String purpose = CarrierJson.text(n, "purpose");
        if (!OtpChallenge.isPurpose(purpose)) {
            throw new WireFormatException("'purpose' must be autotopup or history, got '" + purpose + "'");
        }
        String token = CarrierJson.optionalText(n, "token");
        return new TokenUseRequest(useId, token == null ? "" : token, msisdn(n, "msisdn"), purpose);
    }

    public static ObjectNode tokenUse(OtpTokenUse u) {
        ObjectNode o = CarrierJson.object();
        o.put("useId", u.useId());
        o.put("redeemed", u.accepted());
        o.put("reason", u.reason());
        return o;
    }

    public static OtpTokenUse tokenUse(JsonNode n) {
        JsonNode redeemed = n.get("redeemed");
        if (redeemed == null || !redeemed.isBoolean()) {
            throw new WireFormatException("'redeemed' must be true or false");
        }
        String reason = CarrierJson.optionalText(n, "reason");
        if (reason != null && !OtpTokenUse.BAD_TOKEN.equals(reason)) {
            throw new WireFormatException("'reason' must be bad-token or null, got '" + reason + "'");
        }
        try {
            return new OtpTokenUse(CarrierJson.text(n, "useId"), redeemed.booleanValue(), reason);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    private static Msisdn msisdn(JsonNode n, String field) {
        String v = CarrierJson.text(n, field);
        try {
            return new Msisdn(v);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("'" + field + "' must be +79XXXXXXXXX", e);
        }
    }
}
