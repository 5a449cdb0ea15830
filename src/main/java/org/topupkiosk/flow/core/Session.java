package org.topupkiosk.flow.core;

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
public final class Session {

    public final long token;
    public final StringBuilder numberDigits = new StringBuilder(10);
    public final StringBuilder amountDigits = new StringBuilder(6);
    public Msisdn msisdn;
    public Operator operator;
    public boolean offline;
    public Money minAmount;
    public Money maxAmount;
    public Money cashLimit;
    public Money amount;
    public String txnId;
    public Money cash = Money.ZERO_RUB;
    public Money creditApplied = Money.ZERO_RUB;
    public Money noteInEscrow;
    public FlowSnapshot.PaymentStatus paymentStatus;
    public CustomerCredit credit;
    public FlowSnapshot.ReceiptState receipt = FlowSnapshot.ReceiptState.NONE;
    public String qrPayload;

    // Services (home tiles): which one, and what each has gathered so far.
    public Service service = Service.TOPUP;
    /** The operator tile the customer touched: a hint for the check, which the carrier's answer overrides. */
    public String hintOperatorId;
    /** A package chosen from the carrier's catalog; null for a top-up. */
    public CatalogEntry product;
    /** The promotion the payment was sent with (printed on the receipt). */
    public Promotion promo;
    /**
     * A fixed price (an e-PIN's): once the order's money reaches it, further notes are returned and the rest of the
     * money is change, not a fee.
     */
    public Money cashCap;

    /** Each feature's own state for this session (find my number, goods, account, scratch cards, ...). */
    private final Map<Class<?>, Object> parts = new HashMap<>();

    public Session(long token) {
        this.token = token;
    }

    /** The state one feature keeps for this session, made on its first use; it ends with the session. */
    public <T> T part(Class<T> type, Supplier<T> fresh) {
        return type.cast(parts.computeIfAbsent(type, t -> fresh.get()));
    }

    public FeeRule fee() {
        return operator.fee();
    }

    /** Cash plus redeemed credit: everything this order can spend. */
    public Money funds() {
        return cash.plus(creditApplied);
    }

    public Money toBalance() {
        return operator == null ? Money.ZERO_RUB : fee().toBalance(funds());
    }

    public Money feeNow() {
        if (cashCap != null && amount != null) {
            return cashCap.minus(amount); // an e-PIN's fee is fixed by its price; the rest is change
        }
        return operator == null ? Money.ZERO_RUB : fee().feeFor(funds());
    }

    /** Would this note keep the order within its cash limit and the operator's maximum? */
    public boolean admits(Money note) {
        if (cashCap != null && !funds().lessThan(cashCap)) {
            return false; // an e-PIN's price is covered: another note would only be change
        }
        Money after = cash.plus(note);
        return !after.greaterThan(cashLimit) && !fee().toBalance(after.plus(creditApplied)).greaterThan(maxAmount);
    }

    /** The amount typed on the amount screen, zero when nothing is typed. */
    public Money typedAmount() {
        return amountDigits.isEmpty() ? Money.ZERO_RUB : Money.rub(Long.parseLong(amountDigits.toString()));
    }

    public boolean hasFunds() {
        return funds().isPositive();
    }
}
