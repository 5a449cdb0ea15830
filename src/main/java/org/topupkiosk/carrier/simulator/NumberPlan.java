package org.topupkiosk.carrier.simulator;

import org.topupkiosk.domain.Msisdn;

/**
 * Which operator serves a number, and the simulator's test numbers (docs/carrier-api.md, "Simulator"). Every
 * +79XXXXXXXXX number exists unless it is one of the test numbers below; the operator comes from the DEF code, a
 * simplified table of the main ranges, with everything unlisted going to MTS.
 */
final class NumberPlan {

    /** The check refuses it with "unknown-number"; payments to it are refused the same way. */
    static final String UNKNOWN_NUMBER = "+79000000001";
    /** Exists but is blocked: check and pay refuse with "account-blocked". */
    static final String BLOCKED_NUMBER = "+79000000002";
    /** Payments to it answer ACCEPTED and turn CONFIRMED at the first status query (exercises the pending path). */
    static final String SLOW_NUMBER = "+79000000003";

    static final String MTS = "mts";
    static final String BEELINE = "beeline";
    static final String MEGAFON = "megafon";
    static final String T2 = "t2";

    private NumberPlan() {}

    static boolean exists(Msisdn m) {
        return !UNKNOWN_NUMBER.equals(m.e164());
    }

    static boolean blocked(Msisdn m) {
        return BLOCKED_NUMBER.equals(m.e164());
    }

    static String operatorOf(Msisdn m) {
        int def = Integer.parseInt(m.national().substring(0, 3));
        if (def >= 910 && def <= 919 || def >= 980 && def <= 989) {
            return MTS;
        }
        if (def == 903 || def == 905 || def == 906 || def == 909 || def >= 960 && def <= 968) {
            return BEELINE;
        }
        if (def >= 920 && def <= 939) {
            return MEGAFON;
        }
        if (def >= 900 && def <= 902 || def == 904 || def == 908 || def >= 950 && def <= 953 || def == 977
                || def >= 991) {
            return T2;
        }
        return MTS;
    }
}
