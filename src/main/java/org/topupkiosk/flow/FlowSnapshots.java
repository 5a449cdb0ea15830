package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.AMOUNT_ENTRY;
import static org.topupkiosk.flow.core.Screen.CASH_INSERTION;
import static org.topupkiosk.flow.core.Screen.CONFIRM;

import java.util.List;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.scratch.VoucherState;

/** Builds the immutable snapshot the screens see from the flow's state; pure. */
final class FlowSnapshots {

    private FlowSnapshots() {}

    static FlowSnapshot of(long version, Screen screen, Lang lang, Session s, FlowMessage message, Integer countdown,
                           boolean acceptorReady, List<Money> acceptedNotes, ServicesView services) {
        Operator op = s == null ? null : s.operator;
        Money amount = s == null ? null : (screen == AMOUNT_ENTRY ? s.typedAmount() : s.amount);
        Money cashNeeded = op == null || amount == null ? null : op.fee().cashNeededFor(amount);
        // Cash shows in the top bar only while it is in the kiosk unsettled: once submitted or turned into a voucher
        // it belongs to the order, and the screen must not suggest otherwise.
        boolean cashInKiosk = s != null && (screen == CASH_INSERTION || screen == CONFIRM);
        // A scratch card moves no cash: what reaches the balance is the card's face value, under its redemption id.
        boolean voucher = s != null && s.service == Service.VOUCHER && VoucherState.of(s).voucher != null;
        Money toBalance = s == null ? null : voucher ? VoucherState.of(s).voucher.nominal() : s.toBalance();
        String txnId = s == null ? null : voucher ? VoucherState.of(s).redemptionId : s.txnId;
        return new FlowSnapshot(version, screen, lang,
                s == null ? "" : s.numberDigits.toString(),
                s == null ? null : s.msisdn,
                op == null ? null : op.id(),
                op == null ? null : op.names().getOrDefault(lang.code(), op.id()),
                op == null ? null : op.color(),
                s == null ? "" : s.amountDigits.toString(),
                amount, cashNeeded,
                cashInKiosk ? s.funds() : Money.ZERO_RUB,
                s == null ? null : s.feeNow(),
                toBalance,
                s == null ? null : s.minAmount,
                s == null ? null : s.maxAmount,
                s == null ? null : s.cashLimit,
                acceptedNotes,
                acceptorReady,
                s != null && s.offline,
                message,
                countdown,
                txnId,
                s == null ? null : s.paymentStatus,
                s == null || s.credit == null ? null : s.credit.code(),
                s == null || s.credit == null ? null : s.credit.amount(),
                s == null ? FlowSnapshot.ReceiptState.NONE : s.receipt,
                s == null ? null : s.qrPayload,
                services,
                cashInKiosk ? s.creditApplied : Money.ZERO_RUB);
    }
}
