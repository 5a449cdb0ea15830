package org.topupkiosk.carrier.simulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulated carrier's scratch cards (docs/carrier-api.md, "Scratch-card vouchers"): a fixed set of PINs, each
 * UNUSED, USED or EXPIRED. Redeeming moves a card to USED once; a repeat of the same redemption id returns the first
 * answer, a new id for a used card is refused with {@code voucher-used}. In memory: a restarted simulator starts with
 * the cards as listed here.
 */
final class SimVouchers {

    /** Conflict: the redemption id was already used for another card or number. */
    static final class Conflict extends RuntimeException {
        Conflict(String id) {
            super("redemption " + id + " was already used for another card or number");
        }
    }

    private record Card(String pin, String serial, Money nominal, String operatorId) {}

    private record Redemption(String pin, String msisdn, VoucherRedemption answer) {}

    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final Map<String, VoucherInfo.State> states = new HashMap<>();
    private final Map<String, Redemption> redemptions = new HashMap<>();
    private long sequence;

    SimVouchers() {
        card("12345678901234", "MTS-500-000001", 500, NumberPlan.MTS, VoucherInfo.State.UNUSED);
        card("23456789012345", "BEE-300-000002", 300, NumberPlan.BEELINE, VoucherInfo.State.UNUSED);
        card("34567890123456", "MGF-1000-000003", 1000, NumberPlan.MEGAFON, VoucherInfo.State.UNUSED);
        card("45678901234567", "T2-200-000004", 200, NumberPlan.T2, VoucherInfo.State.UNUSED);
        card("11112222333344", "MTS-100-000005", 100, NumberPlan.MTS, VoucherInfo.State.USED);
        card("55556666777788", "MTS-500-000006", 500, NumberPlan.MTS, VoucherInfo.State.EXPIRED);
        // The 16-digit PIN with a Luhn digit the scanner reads (docs/scanner-codes.md; the device panel's sample).
        card("7700123456789013", "MTS-250-000007", 250, NumberPlan.MTS, VoucherInfo.State.UNUSED);
    }

    private void card(String pin, String serial, long rub, String operator, VoucherInfo.State state) {
        cards.put(pin, new Card(pin, serial, Money.rub(rub), operator));
        states.put(pin, state);
    }

    /** An e-PIN the carrier sold: from now on it is an unused voucher like the scratch cards above. */
    synchronized void issue(String pin, String serial, Money nominal, String operatorId) {
        if (!cards.containsKey(pin)) {
            card(pin, serial, nominal.minor() / 100, operatorId, VoucherInfo.State.UNUSED);
        }
    }

    /** The card behind a PIN, or null when no card has it. */
    synchronized VoucherInfo validate(String pin) {
        Card c = cards.get(pin);
        return c == null ? null : new VoucherInfo(c.serial(), c.nominal(), c.operatorId(), states.get(pin));
    }

    /** Applies the card once; {@code accountRefusal} is the account's own refusal (unknown, blocked) or null. */
    synchronized VoucherRedemption redeem(String redemptionId, String pin, Msisdn msisdn, String accountRefusal) {
        Redemption earlier = redemptions.get(redemptionId);
        if (earlier != null) {
            if (earlier.pin().equals(pin) && earlier.msisdn().equals(msisdn.e164())) {
                return earlier.answer();
            }
            throw new Conflict(redemptionId);
        }
        Card c = cards.get(pin);
        VoucherRedemption answer;
        if (c == null) {
            answer = refused(redemptionId, null, "unknown-voucher");
        } else if (states.get(pin) == VoucherInfo.State.USED) {
            answer = refused(redemptionId, c, "voucher-used");
        } else if (states.get(pin) == VoucherInfo.State.EXPIRED) {
            answer = refused(redemptionId, c, "voucher-expired");
        } else if (accountRefusal != null) {
            answer = refused(redemptionId, c, accountRefusal);
        } else if (!c.operatorId().equals(NumberPlan.operatorOf(msisdn))) {
            answer = refused(redemptionId, c, "operator-mismatch");
        } else {
            states.put(pin, VoucherInfo.State.USED);
            answer = new VoucherRedemption(redemptionId, VoucherRedemption.Status.REDEEMED, c.serial(), c.nominal(),
                    c.operatorId(), String.format("SIMV%09d", ++sequence), null);
        }
        redemptions.put(redemptionId, new Redemption(pin, msisdn.e164(), answer));
        return answer;
    }

    private static VoucherRedemption refused(String id, Card c, String code) {
        return new VoucherRedemption(id, VoucherRedemption.Status.REFUSED, c == null ? null : c.serial(),
                c == null ? null : c.nominal(), c == null ? null : c.operatorId(), null, code);
    }
}
