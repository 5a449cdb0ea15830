package org.topupkiosk.carrier;

import java.util.Objects;

/**
 * The carrier's answer to an enrolment. ACTIVE carries the rule now in force and, when the number had one, the rule it
 * replaced (a number has at most one rule: a new enrolment replaces the old). REFUSED carries a {@code refusalCode}
 * and changed nothing. A repeat of the same {@code enrolmentId} returns the first answer.
 */
public record AutoTopUpEnrolment(String enrolmentId, Status status, AutoTopUpRule rule, AutoTopUpRule replaced,
                                 String refusalCode) {

    public enum Status { ACTIVE, REFUSED }

    /** The token is missing, spent, expired, or was made for another number or purpose. */
    public static final String BAD_TOKEN = "bad-token";
    public static final String THRESHOLD_OUT_OF_RANGE = "threshold-out-of-range";
    public static final String AMOUNT_OUT_OF_RANGE = "amount-out-of-range";
    public static final String CURRENCY_NOT_SUPPORTED = "currency-not-supported";
    public static final String UNKNOWN_NUMBER = "unknown-number";
    public static final String ACCOUNT_BLOCKED = "account-blocked";

    public AutoTopUpEnrolment {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(status, "status");
        if (status == Status.ACTIVE && (rule == null || refusalCode != null)) {
            throw new IllegalArgumentException("an ACTIVE enrolment has a rule and no refusal code");
        }
        if (status == Status.REFUSED && (refusalCode == null || refusalCode.isBlank() || rule != null
                || replaced != null)) {
            throw new IllegalArgumentException("a REFUSED enrolment has a refusal code and no rule");
        }
    }

    public static AutoTopUpEnrolment active(String enrolmentId, AutoTopUpRule rule, AutoTopUpRule replaced) {
        return new AutoTopUpEnrolment(enrolmentId, Status.ACTIVE, rule, replaced, null);
    }

    public static AutoTopUpEnrolment refused(String enrolmentId, String refusalCode) {
        return new AutoTopUpEnrolment(enrolmentId, Status.REFUSED, null, null, refusalCode);
    }
}
