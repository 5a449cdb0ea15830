package org.topupkiosk.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.domain.FeeRule;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.journal.CustomerCredit;

/**
 * One customer's session, owned by the flow thread. Cash fields mirror the journal (which is the truth); they are
 * updated only after the journal has committed.
 */
final class Session {

    final long token;
    final StringBuilder numberDigits = new StringBuilder(10);
    final StringBuilder amountDigits = new StringBuilder(6);
    Msisdn msisdn;
    Operator operator;
    boolean offline;
    Money minAmount;
    Money maxAmount;
    Money cashLimit;
    Money amount;
    String txnId;
    Money cash = Money.ZERO_RUB;
    Money creditApplied = Money.ZERO_RUB;
    Money noteInEscrow;
    FlowSnapshot.PaymentStatus paymentStatus;
    CustomerCredit credit;
    FlowSnapshot.ReceiptState receipt = FlowSnapshot.ReceiptState.NONE;
    String qrPayload;

    // Services (home tiles): which one, and what each has gathered so far.
    Service service = Service.TOPUP;
    /** The operator tile the customer touched: a hint for the check, which the carrier's answer overrides. */
    String hintOperatorId;
    /** A package chosen from the carrier's catalog; null for a top-up. */
    CatalogEntry product;
    /** The promotion the payment was sent with (printed on the receipt). */
    Promotion promo;
    /**
     * A fixed price (an e-PIN's): once the order's money reaches it, further notes are returned and the rest of the
     * money is change, not a fee.
     */
    Money cashCap;

    /** Each feature's own state for this session (find my number, goods, account, scratch cards, ...). */
    private final Map<Class<?>, Object> parts = new HashMap<>();

    Session(long token) {
        this.token = token;
    }

    /** The state one feature keeps for this session, made on its first use; it ends with the session. */
    <T> T part(Class<T> type, Supplier<T> fresh) {
        return type.cast(parts.computeIfAbsent(type, t -> fresh.get()));
    }

    FeeRule fee() {
        return operator.fee();
    }

    /** Cash plus redeemed credit: everything this order can spend. */
    Money funds() {
        return cash.plus(creditApplied);
    }

    Money toBalance() {
        return operator == null ? Money.ZERO_RUB : fee().toBalance(funds());
    }

    Money feeNow() {
        if (cashCap != null && amount != null) {
            return cashCap.minus(amount); // an e-PIN's fee is fixed by its price; the rest is change
        }
        return operator == null ? Money.ZERO_RUB : fee().feeFor(funds());
    }

    /** Would this note keep the order within its cash limit and the operator's maximum? */
    boolean admits(Money note) {
        if (cashCap != null && !funds().lessThan(cashCap)) {
            return false; // an e-PIN's price is covered: another note would only be change
        }
        Money after = cash.plus(note);
        return !after.greaterThan(cashLimit) && !fee().toBalance(after.plus(creditApplied)).greaterThan(maxAmount);
    }

    /** The amount typed on the amount screen, zero when nothing is typed. */
    Money typedAmount() {
        return amountDigits.isEmpty() ? Money.ZERO_RUB : Money.rub(Long.parseLong(amountDigits.toString()));
    }

    boolean hasFunds() {
        return funds().isPositive();
    }
}
