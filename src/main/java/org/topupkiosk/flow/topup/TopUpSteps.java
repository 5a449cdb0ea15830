package org.topupkiosk.flow.topup;

import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Session;

/**
 * The rules every top-up sale follows, at the kiosk and at the counter: the typed number, the operator and its limits
 * once the carrier has answered, and the amount checked against them. Pure rules over the sale's {@link Session};
 * screens, and which words a refusal uses, stay with each flow.
 */
public final class TopUpSteps {

    /** How much cash one order may take. */
    public enum CashLimit {
        /** No more than the operator's maximum needs: a note beyond it is returned by the acceptor. */
        KIOSK,
        /** The order limit alone: the cashier counts the cash and gives change. */
        COUNTER
    }

    private TopUpSteps() {}

    /** The ten national digits typed as a Russian mobile number: valid, or the reason it is not. */
    public static Msisdn.Parsed number(CharSequence nationalDigits) {
        return Msisdn.parse("+7" + nationalDigits);
    }

    /** The operator the carrier named, with the tighter of its own and the carrier's limits (null: none given). */
    public static void chooseOperator(Session s, Operator op, Money carrierMin, Money carrierMax, Money orderCashLimit,
                                      CashLimit rule) {
        s.operator = op;
        s.minAmount = carrierMin == null ? op.minAmount() : op.minAmount().max(carrierMin);
        s.maxAmount = carrierMax == null ? op.maxAmount() : op.maxAmount().min(carrierMax);
        s.cashLimit = rule == CashLimit.KIOSK ? orderCashLimit.min(op.fee().cashNeededFor(s.maxAmount)) : orderCashLimit;
    }

    /** The carrier is silent: sell to the number range's operator, taking no more than the offline allowance. */
    public static void sellOffline(Session s, CarrierCheck.Outcome.Offline o, Money orderCashLimit, CashLimit rule) {
        s.offline = true;
        chooseOperator(s, o.operator(), null, null, orderCashLimit, rule);
        s.cashLimit = s.cashLimit.min(o.allowance());
    }

    /** Why this amount cannot be sold to the session's operator, or null when it can. */
    public static FlowMessage amountProblem(Session s, Money amount) {
        if (amount.lessThan(s.minAmount)) {
            return FlowMessage.error("amount.below_min", s.minAmount);
        }
        if (amount.greaterThan(s.maxAmount)) {
            return FlowMessage.error("amount.above_max", s.maxAmount);
        }
        if (s.fee().cashNeededFor(amount).greaterThan(s.cashLimit)) {
            return FlowMessage.error("amount.above_max", s.fee().toBalance(s.cashLimit));
        }
        return null;
    }
}
