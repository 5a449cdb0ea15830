package org.topupkiosk.carrier;

import java.util.Objects;

/**
 * The carrier's answer to "spend this one-time-code token now" (POST /v1/otp/tokens/redeem): the kiosk calls it before
 * it shows what the token opens (the number's recent payments), so a token opens that once. {@code useId} is the
 * kiosk's idempotency key; a repeat returns the first answer, so a lost answer is asked again safely.
 *
 * @param accepted true when the token was live for the number and purpose and is now spent
 * @param reason   null when accepted, else {@code bad-token}
 */
public record OtpTokenUse(String useId, boolean accepted, String reason) {

    public static final String BAD_TOKEN = "bad-token";

    public OtpTokenUse {
        Objects.requireNonNull(useId, "useId");
        if (accepted != (reason == null)) {
            throw new IllegalArgumentException("a refused token use has a reason and only then");
        }
    }
}
