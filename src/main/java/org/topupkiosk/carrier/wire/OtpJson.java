package org.topupkiosk.carrier.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.domain.Msisdn;

/** The one-time code messages of docs/carrier-api.md, both directions (kiosk and simulator share them). */
public final class OtpJson {

    private OtpJson() {}

    public static ObjectNode request(Msisdn msisdn, String purpose) {
        ObjectNode o = CarrierJson.object();
        o.put("msisdn", msisdn.e164());
        o.put("purpose", purpose);
        return o;
    }

    public static ObjectNode challenge(OtpChallenge c) {
        ObjectNode o = CarrierJson.object();
        o.put("otpId", c.otpId());
        o.put("msisdn", c.msisdn().e164());
        o.put("purpose", c.purpose());
        o.put("expiresAt", c.expiresAt().toString());
        o.put("codeLength", c.codeLength());
        return o;
    }

    public static OtpChallenge challenge(JsonNode n) {
        String msisdn = CarrierJson.text(n, "msisdn");
        Instant expires;
        try {
            expires = Instant.parse(CarrierJson.text(n, "expiresAt"));
        } catch (DateTimeParseException e) {
            throw new WireFormatException("'expiresAt' must be an ISO instant", e);
        }
        JsonNode len = n.get("codeLength");
        if (len == null || !len.isInt()) {
            throw new WireFormatException("'codeLength' must be an integer");
        }
        String purpose = CarrierJson.text(n, "purpose");
        if (!OtpChallenge.isPurpose(purpose)) {
            throw new WireFormatException("'purpose' must be autotopup or history, got '" + purpose + "'");
        }
        try {
            return new OtpChallenge(CarrierJson.text(n, "otpId"), new Msisdn(msisdn), purpose, expires, len.intValue());
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }

    public static ObjectNode verifyRequest(String code) {
        ObjectNode o = CarrierJson.object();
        o.put("code", code);
        return o;
    }

    public static ObjectNode check(OtpCheck c) {
        ObjectNode o = CarrierJson.object();
        o.put("verified", c.verified());
        if (c.token() == null) {
            o.putNull("token");
        } else {
            o.put("token", c.token());
        }
        if (c.reason() == null) {
            o.putNull("reason");
        } else {
            o.put("reason", c.reason());
        }
        o.put("attemptsLeft", c.attemptsLeft());
        return o;
    }

    public static OtpCheck check(JsonNode n) {
        JsonNode verified = n.get("verified");
        if (verified == null || !verified.isBoolean()) {
            throw new WireFormatException("'verified' must be true or false");
        }
        JsonNode left = n.get("attemptsLeft");
        if (left == null || !left.isInt() || left.intValue() < 0) {
            throw new WireFormatException("'attemptsLeft' must be a non-negative integer");
        }
        try {
            return new OtpCheck(verified.booleanValue(), CarrierJson.optionalText(n, "token"),
                    CarrierJson.optionalText(n, "reason"), left.intValue());
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage(), e);
        }
    }
}
