package org.topupkiosk.carrier.osmp;

/**
 * OSMP result codes and what each means to the kiosk. 0 is success; 1 (temporary error) and 90 (payment not finished)
 * leave the outcome unknown, so the payment is asked again under the same {@code txn_id}; every other code is final
 * and becomes a refusal code the rest of the kiosk already knows (the same codes the REST carrier refuses with, so
 * the customer sees the same messages in three languages).
 */
public final class OsmpResults {

    public static final int OK = 0;
    public static final int TEMPORARY = 1;
    public static final int NOT_FINISHED = 90;

    private OsmpResults() {}

    /** 1 and 90: not final; the same payment is sent again, which is OSMP's status query. */
    public static boolean unknownOutcome(int result) {
        return result == TEMPORARY || result == NOT_FINISHED;
    }

    /** The kiosk's refusal code for a final OSMP result other than 0. */
    public static String refusalCode(int result) {
        return switch (result) {
            case 4, 5 -> "unknown-number";            // wrong account format, account not found
            case 7, 79 -> "account-blocked";          // forbidden by the provider, account not active
            case 8 -> "provider-unavailable";         // forbidden for technical reasons
            case 241, 242 -> "amount-out-of-range";   // sum too small, sum too large
            case 243 -> "account-state-unknown";
            case 300 -> "other";
            default -> "osmp-" + result;
        };
    }

    /** 241 and 242 on a check: the number can be paid, only not the probe sum the check carried. */
    static boolean sumOnly(int result) {
        return result == 241 || result == 242;
    }
}
