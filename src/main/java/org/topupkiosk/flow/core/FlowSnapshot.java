package org.topupkiosk.flow.core;

import java.util.List;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * Everything a screen needs, immutable. The UI binds to the newest snapshot and forwards taps as {@link FlowCommand}s;
 * it never asks anything else. Nullable fields are null when they do not apply to the current screen.
 *
 * @param numberDigits   national digits typed so far (up to 10)
 * @param amountDigits   whole roubles typed so far on the amount screen
 * @param cashInserted   money in the kiosk for this order and not yet settled (cash and credit screens only; zero once
 *                       it has gone to the carrier or onto a credit voucher, so the top bar stops showing it)
 * @param amount         what the customer asked to put on the balance
 * @param cashNeeded     cash to insert for {@code amount}, fee included
 * @param toBalance      what the inserted cash puts on the balance after the fee
 * @param cashLimit      the most cash this order may take (order limit, operator maximum, offline allowance)
 * @param offline        the carrier is not answering: the payment will be queued and credited shortly
 * @param countdown      seconds left on the inactivity warning, or null when no warning shows
 * @param paymentStatus  on the done screen: CREDITED, PENDING or REFUSED
 * @param qrPayload      what the done or voucher screen shows as a QR code
 * @param services       what the service screens (home, operators, balance, packages, scratch card, promotion) show
 * @param creditApplied  a credit voucher redeemed into this order, part of {@code cashInserted} (cash and confirm
 *                       screens only; zero otherwise)
 */
public record FlowSnapshot(
        long version,
        Screen screen,
        Lang lang,
        String numberDigits,
        Msisdn msisdn,
        String operatorId,
        String operatorName,
        String operatorColor,
        String amountDigits,
        Money amount,
        Money cashNeeded,
        Money cashInserted,
        Money fee,
        Money toBalance,
        Money minAmount,
        Money maxAmount,
        Money cashLimit,
        List<Money> acceptedNotes,
        boolean acceptorReady,
        boolean offline,
        FlowMessage message,
        Integer countdown,
        String txnId,
        PaymentStatus paymentStatus,
        String creditCode,
        Money creditAmount,
        ReceiptState receipt,
        String qrPayload,
        ServicesView services,
        Money creditApplied) {

    public enum PaymentStatus { CREDITED, PENDING, REFUSED }

    public enum ReceiptState { NONE, PRINTING, PRINTED, FAILED }

    public FlowSnapshot {
        acceptedNotes = acceptedNotes == null ? List.of() : List.copyOf(acceptedNotes);
        creditApplied = creditApplied == null ? Money.ZERO_RUB : creditApplied;
    }

    /** A snapshot with no credit voucher applied to the order. */
    public FlowSnapshot(long version, Screen screen, Lang lang, String numberDigits, Msisdn msisdn, String operatorId,
                        String operatorName, String operatorColor, String amountDigits, Money amount, Money cashNeeded,
                        Money cashInserted, Money fee, Money toBalance, Money minAmount, Money maxAmount,
                        Money cashLimit, List<Money> acceptedNotes, boolean acceptorReady, boolean offline,
                        FlowMessage message, Integer countdown, String txnId, PaymentStatus paymentStatus,
                        String creditCode, Money creditAmount, ReceiptState receipt, String qrPayload,
                        ServicesView services) {
        this(version, screen, lang, numberDigits, msisdn, operatorId, operatorName, operatorColor, amountDigits, amount,
                cashNeeded, cashInserted, fee, toBalance, minAmount, maxAmount, cashLimit, acceptedNotes, acceptorReady,
                offline, message, countdown, txnId, paymentStatus, creditCode, creditAmount, receipt, qrPayload,
                services, Money.ZERO_RUB);
    }

    /** A snapshot without service details (the top-up screens alone). */
    public FlowSnapshot(long version, Screen screen, Lang lang, String numberDigits, Msisdn msisdn, String operatorId,
                        String operatorName, String operatorColor, String amountDigits, Money amount, Money cashNeeded,
                        Money cashInserted, Money fee, Money toBalance, Money minAmount, Money maxAmount,
                        Money cashLimit, List<Money> acceptedNotes, boolean acceptorReady, boolean offline,
                        FlowMessage message, Integer countdown, String txnId, PaymentStatus paymentStatus,
                        String creditCode, Money creditAmount, ReceiptState receipt, String qrPayload) {
        this(version, screen, lang, numberDigits, msisdn, operatorId, operatorName, operatorColor, amountDigits, amount,
                cashNeeded, cashInserted, fee, toBalance, minAmount, maxAmount, cashLimit, acceptedNotes, acceptorReady,
                offline, message, countdown, txnId, paymentStatus, creditCode, creditAmount, receipt, qrPayload, null,
                Money.ZERO_RUB);
    }

    /** The service being used, TOPUP when none was chosen. */
    public Service service() {
        return services == null || services.service() == null ? Service.TOPUP : services.service();
    }

    /** Cash is in the kiosk for this session: the top bar shows it and leaving prints a credit voucher. */
    public boolean hasCash() {
        return cashInserted != null && cashInserted.isPositive();
    }
}
