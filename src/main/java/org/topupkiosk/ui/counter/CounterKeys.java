package org.topupkiosk.ui.counter;

import java.util.List;

/** Every i18n key of the counter screens, so a test can check each exists in ru, en and zh. */
public final class CounterKeys {

    private CounterKeys() {}

    public static final String TITLE = "counter.ui.title";
    public static final String HEADER = "counter.ui.header";
    public static final String LOGIN_TITLE = "counter.ui.login.title";
    public static final String SERVICE = "counter.ui.service";
    public static final String PIN_TITLE = "counter.ui.pin.title";
    public static final String ENTER = "counter.ui.enter";
    public static final String BACK = "counter.ui.back";
    public static final String SHIFT_NONE = "counter.ui.shift.none";
    public static final String SHIFT_OPEN = "counter.ui.shift.open";
    public static final String LOGOUT = "counter.ui.logout";
    public static final String NUMBER_TITLE = "counter.ui.number.title";
    public static final String CHECK = "counter.ui.check";
    public static final String X_REPORT = "counter.ui.x_report";
    public static final String CLOSE_SHIFT = "counter.ui.close_shift";
    public static final String CHECKING = "counter.ui.checking";
    public static final String AMOUNT_TITLE = "counter.ui.amount.title";
    public static final String LIMITS = "counter.ui.limits";
    public static final String NEXT = "counter.ui.next";
    public static final String AMOUNT = "counter.ui.amount";
    public static final String FEE = "counter.ui.fee";
    public static final String TOTAL = "counter.ui.total";
    public static final String RECEIVED_TITLE = "counter.ui.received.title";
    public static final String CHANGE_PREVIEW = "counter.ui.change_preview";
    public static final String TAKE_CASH = "counter.ui.take_cash";
    public static final String GIVE_CHANGE = "counter.ui.give_change";
    public static final String PAYING = "counter.ui.paying";
    public static final String DONE_CREDITED = "counter.ui.done.credited";
    public static final String DONE_PENDING = "counter.ui.done.pending";
    public static final String RETURN_TITLE = "counter.ui.return.title";
    public static final String NEW_SALE = "counter.ui.new_sale";
    public static final String RECEIPT_PRINTING = "counter.ui.receipt.printing";
    public static final String RECEIPT_PRINTED = "counter.ui.receipt.printed";
    public static final String RECEIPT_FAILED = "counter.ui.receipt.failed";
    public static final String CLOSE_TITLE = "counter.ui.close.title";
    public static final String CLOSE_BODY = "counter.ui.close.body";
    public static final String CLOSE_CONFIRM = "counter.ui.close.confirm";
    public static final String REPORT_PRINTING = "counter.ui.report.printing";
    public static final String REPORT_X = "counter.ui.report.x";
    public static final String REPORT_Z = "counter.ui.report.z";
    public static final String REPORT_FAILED = "counter.ui.report.failed";

    public static List<String> all() {
        return List.of(TITLE, HEADER, LOGIN_TITLE, SERVICE, PIN_TITLE, ENTER, BACK, SHIFT_NONE, SHIFT_OPEN, LOGOUT,
                NUMBER_TITLE, CHECK, X_REPORT, CLOSE_SHIFT, CHECKING, AMOUNT_TITLE, LIMITS, NEXT, AMOUNT, FEE, TOTAL,
                RECEIVED_TITLE, CHANGE_PREVIEW, TAKE_CASH, GIVE_CHANGE, PAYING, DONE_CREDITED, DONE_PENDING,
                RETURN_TITLE, NEW_SALE, RECEIPT_PRINTING, RECEIPT_PRINTED, RECEIPT_FAILED, CLOSE_TITLE, CLOSE_BODY,
                CLOSE_CONFIRM, REPORT_PRINTING, REPORT_X, REPORT_Z, REPORT_FAILED);
    }
}
