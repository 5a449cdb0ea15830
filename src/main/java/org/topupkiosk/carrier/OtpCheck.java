package org.topupkiosk.carrier;

/**
 * The carrier's verdict on a typed one-time code. A wrong, expired, locked or already used code is an answer, not an
 * error: the screen tells the customer which, and how many tries are left.
 *
 * @param token        when verified: the proof to hand to the call the code was asked for (bound to the number and
 *                     the purpose on the carrier's side, short-lived); null otherwise
 * @param reason       null when verified, else one of {@code wrong-code}, {@code expired}, {@code locked}, {@code used}
 * @param attemptsLeft how many more codes may be typed for this challenge (0 once locked, expired or used)
 */
public record OtpCheck(boolean verified, String token, String reason, int attemptsLeft) {

    public static final String WRONG_CODE = "wrong-code";
    public static final String EXPIRED = "expired";
    public static final String LOCKED = "locked";
    public static final String USED = "used";

    public OtpCheck {
        if (verified == (token == null)) {
            throw new IllegalArgumentException("a verified code has a token and only then");
        }
        if (verified != (reason == null)) {
            throw new IllegalArgumentException("a refused code has a reason and only then");
        }
        if (reason != null && !reason.equals(WRONG_CODE) && !reason.equals(EXPIRED) && !reason.equals(LOCKED)
                && !reason.equals(USED)) {
            throw new IllegalArgumentException("unknown reason '" + reason + "'");
        }
        if (attemptsLeft < 0) {
            throw new IllegalArgumentException("attemptsLeft must not be negative");
        }
    }

    public static OtpCheck verified(String token, int attemptsLeft) {
        return new OtpCheck(true, token, null, attemptsLeft);
    }

    public static OtpCheck refused(String reason, int attemptsLeft) {
        return new OtpCheck(false, null, reason, attemptsLeft);
    }
}
