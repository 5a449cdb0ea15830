package org.topupkiosk.journal;

import java.time.Instant;
import java.util.Set;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * One order as the journal holds it. {@code cash} is the sum of the notes stacked for it, {@code creditApplied} the
 * credit vouchers redeemed into it; {@code amount} (to the customer's balance, or the price of the goods) and
 * {@code fee} are set on submit. {@code productId}, {@code carrierRef} and {@code refusalCode} may be null, and so
 * may {@code msisdn}: an e-PIN or eSIM ({@link #isGoods()}) is sold without a customer number. {@code change} is what
 * the customer paid above a fixed price that left the order on a credit voucher at submit (zero for everything else).
 */
public record Order(String txnId, String kind, Msisdn msisdn, String operatorId, String productId,
                    OrderStatus status, Money amount, Money fee, Money cash, Money creditApplied, boolean offline,
                    String carrierRef, String refusalCode, Instant createdAt, Instant updatedAt,
                    boolean receiptPrinted, Money change) {

    /** An order without change (every kind but an overpaid e-PIN). */
    public Order(String txnId, String kind, Msisdn msisdn, String operatorId, String productId, OrderStatus status,
                 Money amount, Money fee, Money cash, Money creditApplied, boolean offline, String carrierRef,
                 String refusalCode, Instant createdAt, Instant updatedAt, boolean receiptPrinted) {
        this(txnId, kind, msisdn, operatorId, productId, status, amount, fee, cash, creditApplied, offline, carrierRef,
                refusalCode, createdAt, updatedAt, receiptPrinted, Money.zero(cash.currency()));
    }

    /** Everything the customer has put into this order: cash plus redeemed credit. */
    public Money paid() {
        return cash.plus(creditApplied);
    }

    /** What the order itself holds: paid, less the change that went onto a credit voucher at submit. */
    public Money kept() {
        return paid().minus(change);
    }

    /** An e-PIN or eSIM sale ({@code kind} epin or esim): no number, and the carrier issues the goods. */
    public boolean isGoods() {
        return GOODS_KINDS.contains(kind);
    }

    /** The order kinds of goods sales; the same names as the carrier API's goods kinds. */
    public static final Set<String> GOODS_KINDS = Set.of("epin", "esim");
}
