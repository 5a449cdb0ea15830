package org.topupkiosk.carrier;

import java.time.Instant;
import java.util.Objects;
import org.topupkiosk.domain.Msisdn;

/**
 * A one-time code the carrier has sent by SMS to {@code msisdn}, to prove that the person at the kiosk holds that phone.
 * The kiosk never sees the code itself; it keeps {@code otpId} and asks the carrier to check what the customer types.
 *
 * @param purpose    what the proof will be used for ({@link #PURPOSE_AUTO_TOP_UP}, {@link #PURPOSE_HISTORY}); a code
 *                   sent for one purpose does not open another
 * @param codeLength how many digits the SMS carries, so the keypad can say when the code is complete
 */
public record OtpChallenge(String otpId, Msisdn msisdn, String purpose, Instant expiresAt, int codeLength) {

    public static final String PURPOSE_AUTO_TOP_UP = "autotopup";
    public static final String PURPOSE_HISTORY = "history";

    public OtpChallenge {
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!isPurpose(purpose)) {
            throw new IllegalArgumentException("purpose must be autotopup or history, got '" + purpose + "'");
        }
        if (codeLength < 4 || codeLength > 8) {
            throw new IllegalArgumentException("codeLength must be 4-8, got " + codeLength);
        }
    }

    public static boolean isPurpose(String purpose) {
        return PURPOSE_AUTO_TOP_UP.equals(purpose) || PURPOSE_HISTORY.equals(purpose);
    }
}
