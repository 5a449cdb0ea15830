package org.topupkiosk.carrier.simulator;

import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** The simulated carrier's business rules: who may be paid, how much, for what. Pure; the ledger applies the answer. */
final class PaymentRules {

    static final Money MIN_AMOUNT = Money.rub(10);
    static final Money MAX_AMOUNT = Money.rub(15_000);

    /** The carrier's decision on a new payment; {@code refusalCode} is null unless REFUSED. */
    record Decision(PaymentResult.Status status, String refusalCode, String message,
                    IssuedGoods goods) {
        Decision(PaymentResult.Status status, String refusalCode, String message) {
            this(status, refusalCode, message, null);
        }

        static Decision refuse(String code, String message) {
            return new Decision(PaymentResult.Status.REFUSED, code, message);
        }
    }

    private PaymentRules() {}

    static AccountCheck check(Msisdn msisdn) {
        String operator = NumberPlan.operatorOf(msisdn);
        String refusal = accountRefusal(msisdn);
        return new AccountCheck(msisdn, operator, refusal == null, refusal, MIN_AMOUNT, MAX_AMOUNT);
    }

    static Decision decide(PaymentRequest r) {
        if (r.goods() != null) {
            // An e-PIN or eSIM has no account yet: the carrier checks the product, the price and the phone.
            String refusal = SimGoods.refusal(r);
            return refusal != null ? Decision.refuse(refusal, "goods cannot be issued")
                    : new Decision(PaymentResult.Status.CONFIRMED, null, "issued");
        }
        String refusal = accountRefusal(r.msisdn());
        if (refusal != null) {
            return Decision.refuse(refusal, "account cannot be paid");
        }
        if (!Money.RUB.equals(r.amount().currency())) {
            return Decision.refuse("currency-not-supported", "only RUB is accepted");
        }
        if (r.productId() != null) {
            CatalogEntry p = SimCatalog.product(r.productId()).orElse(null);
            if (p == null || !p.operatorId().equals(NumberPlan.operatorOf(r.msisdn()))) {
                return Decision.refuse("unknown-product", "no product " + r.productId() + " for this number's operator");
            }
            // At least the price: what the customer put in above it goes to the balance (a kiosk gives no change).
            if (!p.price().currency().equals(r.amount().currency()) || r.amount().lessThan(p.price())) {
                return Decision.refuse("price-mismatch", "product costs " + p.price().plain());
            }
        } else if (r.amount().lessThan(MIN_AMOUNT) || r.amount().greaterThan(MAX_AMOUNT)) {
            return Decision.refuse("amount-out-of-range",
                    "amount must be " + MIN_AMOUNT.plain() + " to " + MAX_AMOUNT.plain());
        }
        if (NumberPlan.SLOW_NUMBER.equals(r.msisdn().e164())) {
            return new Decision(PaymentResult.Status.ACCEPTED, null, "accepted, processing");
        }
        return new Decision(PaymentResult.Status.CONFIRMED, null, "paid");
    }

    private static String accountRefusal(Msisdn m) {
        if (!NumberPlan.exists(m)) {
            return "unknown-number";
        }
        if (NumberPlan.blocked(m)) {
            return "account-blocked";
        }
        return null;
    }
}
