package org.topupkiosk.flow;

import org.topupkiosk.domain.FeeRule;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
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
    org.topupkiosk.carrier.CatalogEntry product;
    java.util.List<org.topupkiosk.carrier.CatalogEntry> packages = java.util.List.of();
    int packagePage;
    org.topupkiosk.carrier.Balance balance;
    /** The scratch card PIN as typed; never logged, never in a snapshot except as a mask. */
    final StringBuilder voucherPin = new StringBuilder(20);
    org.topupkiosk.carrier.VoucherInfo voucher;
    int wrongPins;
    String redemptionId;
    /** The promotion the payment was sent with (printed on the receipt). */
    org.topupkiosk.domain.Promotion promo;

    // Find my number (issue 7 item 4): the card read and the number found.
    final SimLookup sim = new SimLookup();
    // Auto top-up and recent payments: the one-time code asked for and what it opens. The code typed and its token
    // live only here, never in a log or the journal.
    OneTimeCodes.Code otp;
    Money autoThreshold;
    Money autoAmount;
    /** Made once per enrolment and journaled before the first send; reused on every retry. */
    String enrolmentId;
    org.topupkiosk.carrier.AutoTopUpEnrolment enrolment;
    java.util.List<org.topupkiosk.journal.HistoryEntry> history = java.util.List.of();
    int historyPage;
    /** The idempotency key of spending the history token, made once per token. */
    String historyUseId;
    /** Entries already reprinted in this session: one copy each. */
    final java.util.Set<String> reprinted = new java.util.HashSet<>();
    /** The entry whose copy is printing, or null. */
    String reprinting;
    // e-PIN and eSIM (issue 7): what the goods screens gathered; see GoodsSales.
    java.util.List<org.topupkiosk.carrier.GoodsOffer> goodsOffers = java.util.List.of();
    int goodsPage;
    org.topupkiosk.carrier.GoodsOffer goodsOffer;
    /** The phone's EID or IMEI as typed (optional), and the checked id once Next accepted it. */
    final StringBuilder deviceDigits = new StringBuilder(32);
    org.topupkiosk.domain.DeviceId device;
    /** An e-PIN's cash to insert: once the order's money reaches it, further notes are returned. */
    Money goodsCashCap;
    /** What the carrier issued (from the journal), the order's claim code, and the change voucher of an e-PIN. */
    org.topupkiosk.journal.Goods goods;
    org.topupkiosk.journal.GoodsClaim goodsClaim;
    CustomerCredit goodsChange;

    Session(long token) {
        this.token = token;
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
        if (goodsCashCap != null && amount != null) {
            return goodsCashCap.minus(amount); // an e-PIN's fee is fixed by its price; the rest is change
        }
        return operator == null ? Money.ZERO_RUB : fee().feeFor(funds());
    }

    /** Would this note keep the order within its cash limit and the operator's maximum? */
    boolean admits(Money note) {
        if (goodsCashCap != null && !funds().lessThan(goodsCashCap)) {
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
