package org.topupkiosk.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.FlowMessage;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.Lang;
import org.topupkiosk.flow.Screen;

/** Representative snapshots, one per screen, as a mid-session MTS top-up of 588 ₽ for 600 ₽ cash would show them. */
final class Snapshots {

    private static final AtomicLong VERSION = new AtomicLong();

    private Snapshots() {}

    /** Mutable while a test shapes it; {@link #build()} makes the immutable snapshot with a fresh version. */
    static final class Builder {
        Screen screen;
        Lang lang;
        String numberDigits = "";
        Msisdn msisdn;
        String operatorId;
        String operatorName;
        String operatorColor;
        String amountDigits = "";
        Money amount;
        Money cashNeeded;
        Money cashInserted;
        Money fee;
        Money toBalance;
        Money minAmount;
        Money maxAmount;
        Money cashLimit;
        List<Money> acceptedNotes = List.of();
        boolean acceptorReady = true;
        boolean offline;
        FlowMessage message;
        Integer countdown;
        String txnId;
        PaymentStatus paymentStatus;
        String creditCode;
        Money creditAmount;
        ReceiptState receipt = ReceiptState.NONE;
        String qrPayload;

        FlowSnapshot build() {
            return new FlowSnapshot(VERSION.incrementAndGet(), screen, lang, numberDigits, msisdn, operatorId,
                    operatorName, operatorColor, amountDigits, amount, cashNeeded, cashInserted, fee, toBalance,
                    minAmount, maxAmount, cashLimit, acceptedNotes, acceptorReady, offline, message, countdown, txnId,
                    paymentStatus, creditCode, creditAmount, receipt, qrPayload);
        }
    }

    static FlowSnapshot of(Screen screen, Lang lang) {
        return builder(screen, lang).build();
    }

    static Builder builder(Screen screen, Lang lang) {
        Builder b = new Builder();
        b.screen = screen;
        b.lang = lang;
        switch (screen) {
            case IDLE, LANGUAGE, OUT_OF_SERVICE, SERVICE_LOCK -> { }
            case NUMBER_ENTRY -> b.numberDigits = "91612345";
            case CHECKING_NUMBER -> number(b);
            case OPERATOR_CONFIRM -> operator(number(b));
            case AMOUNT_ENTRY -> {
                limits(operator(number(b)));
                b.amountDigits = "1500";
                b.amount = Money.rub(1500);
                b.cashNeeded = Money.rub(1530);
                b.fee = Money.rub(30);
            }
            case CASH_INSERTION -> {
                cash(limits(operator(number(b))));
                b.message = FlowMessage.warning("cash.note_returned_limit", Money.rub(15000));
            }
            case CONFIRM -> cash(limits(operator(number(b))));
            case SUBMITTING, RECEIPT -> settled(cash(limits(operator(number(b)))));
            case DONE -> {
                settled(cash(limits(operator(number(b)))));
                b.paymentStatus = PaymentStatus.CREDITED;
                b.txnId = "0042-000317";
                b.receipt = ReceiptState.PRINTING;
                b.qrPayload = "https://pay.example.ru/check?txn=0042-000317&sum=588.00";
            }
            case CREDIT_VOUCHER -> {
                settled(cash(limits(operator(number(b)))));
                b.creditCode = "4830 2917 5560";
                b.creditAmount = Money.rub(600);
                b.receipt = ReceiptState.PRINTED;
            }
        }
        return b;
    }

    /** After submit or cancel the cash belongs to the order or the voucher: the flow reports none in the kiosk. */
    private static Builder settled(Builder b) {
        b.cashInserted = Money.ZERO_RUB;
        return b;
    }

    private static Builder number(Builder b) {
        b.numberDigits = "9161234567";
        b.msisdn = Msisdn.of("+79161234567");
        return b;
    }

    private static Builder operator(Builder b) {
        b.operatorId = "mts";
        b.operatorName = "MTS";
        b.operatorColor = "#E30611";
        return b;
    }

    private static Builder limits(Builder b) {
        b.minAmount = Money.rub(10);
        b.maxAmount = Money.rub(15000);
        b.cashLimit = Money.rub(15000);
        b.acceptedNotes = List.of(Money.rub(50), Money.rub(100), Money.rub(200), Money.rub(500), Money.rub(1000),
                Money.rub(2000), Money.rub(5000));
        return b;
    }

    private static Builder cash(Builder b) {
        b.cashInserted = Money.rub(600);
        b.fee = Money.rub(12);
        b.toBalance = Money.rub(588);
        b.amount = Money.rub(588);
        return b;
    }
}
