package org.topupkiosk.flow.counter;

import java.util.List;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;

/**
 * What the counter screens show, immutable. Money fields are null until they apply. {@code digits} is what the keypad
 * has typed on the current screen (number, amount, cash received). {@code report} says how the last X or Z report went.
 */
public record CounterSnapshot(long version, CounterScreen screen, Lang lang, List<CashierGate.Cashier> cashiers,
                              String cashierId, String cashierName, Integer shift, String digits, String maskedNumber,
                              String operatorName, Money minAmount, Money maxAmount, Money amount, Money fee,
                              Money total, Money received, Money change, String txnId,
                              FlowSnapshot.PaymentStatus status, FlowSnapshot.ReceiptState receipt, FlowMessage message,
                              ReportState report, int pinFailuresLeft) {

    public enum ReportState { NONE, PRINTING, X_PRINTED, Z_PRINTED, FAILED }

    public CounterSnapshot {
        cashiers = List.copyOf(cashiers);
    }
}
