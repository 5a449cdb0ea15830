package org.topupkiosk.carrier;

import java.util.Objects;
import java.util.regex.Pattern;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * "Keep this number topped up": the kiosk's enrolment request (docs/carrier-api.md, POST /v1/autotopup).
 * {@code enrolmentId} is the idempotency key, made once and journaled before the first send; {@code otpToken} is the
 * proof from a one-time code verified for this number with purpose {@code autotopup}. The token is a secret for one
 * call: {@link #toString()} leaves it out so it never reaches a log.
 */
public record AutoTopUpRequest(String enrolmentId, Msisdn msisdn, Money threshold, Money amount, String otpToken) {

    /** Ids travel in a header, so they keep to URL-safe characters, as txnIds do. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public AutoTopUpRequest {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(otpToken, "otpToken");
        if (enrolmentId == null || !ID.matcher(enrolmentId).matches()) {
            throw new IllegalArgumentException("enrolmentId must be 1-64 of A-Z a-z 0-9 . _ : -, got '"
                    + enrolmentId + "'");
        }
        if (!threshold.isPositive() || !amount.isPositive()) {
            throw new IllegalArgumentException("threshold and amount must be positive");
        }
    }

    @Override
    public String toString() {
        return "AutoTopUpRequest[enrolmentId=" + enrolmentId + ", msisdn=" + msisdn.masked() + ", threshold="
                + threshold.plain() + ", amount=" + amount.plain() + "]";
    }
}
