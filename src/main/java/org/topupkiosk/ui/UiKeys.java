package org.topupkiosk.ui;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every i18n key the screens use, in one place, so a test can check each exists in ru, en and zh. Keys of flow
 * messages ({@code FlowSnapshot.message()}) come from the flow and are checked by the bundle completeness test.
 */
public final class UiKeys {

    private UiKeys() {}

    public static final String APP_TITLE = "ui.app.title";
    public static final String LANG_RU = "ui.lang.ru";
    public static final String LANG_EN = "ui.lang.en";
    public static final String LANG_ZH = "ui.lang.zh";

    public static final String BACK = "ui.button.back";
    public static final String START_OVER = "ui.button.start_over";
    public static final String NEXT = "ui.button.next";
    public static final String PAY = "ui.button.pay";
    public static final String CANCEL = "ui.button.cancel";
    public static final String CONFIRM = "ui.button.confirm";
    public static final String DONE = "ui.button.done";
    public static final String CONTINUE = "ui.button.continue";

    public static final String TOPBAR_INSERTED = "ui.topbar.inserted";
    public static final String TOPBAR_OFFLINE = "ui.topbar.offline";

    public static final String IDLE_TITLE = "ui.idle.title";
    public static final String IDLE_START = "ui.idle.start";
    public static final String IDLE_HINT = "ui.idle.hint";
    public static final String LANGUAGE_TITLE = "ui.language.title";

    public static final String NUMBER_TITLE = "ui.number.title";
    public static final String NUMBER_HINT = "ui.number.hint";
    public static final String KEYPAD_BACKSPACE = "ui.keypad.backspace";
    public static final String KEYPAD_CLEAR = "ui.keypad.clear";
    public static final String CHECKING_TITLE = "ui.checking.title";
    public static final String CHECKING_HINT = "ui.checking.hint";
    public static final String OPERATOR_TITLE = "ui.operator.title";
    public static final String OPERATOR_HINT = "ui.operator.hint";

    public static final String AMOUNT_TITLE = "ui.amount.title";
    public static final String AMOUNT_LIMITS = "ui.amount.limits";
    public static final String AMOUNT_CASH_NEEDED = "ui.amount.cash_needed";
    public static final String AMOUNT_FEE = "ui.amount.fee";

    public static final String CASH_TITLE = "ui.cash.title";
    public static final String CASH_TO_BALANCE = "ui.cash.to_balance";
    public static final String CASH_FEE = "ui.cash.fee";
    public static final String CASH_LIMITS = "ui.cash.limits";
    public static final String CASH_NO_CHANGE = "ui.cash.no_change";
    public static final String CASH_ACCEPTED_NOTES = "ui.cash.accepted_notes";
    public static final String CASH_ACCEPTOR_WAITING = "ui.cash.acceptor_waiting";

    public static final String CONFIRM_TITLE = "ui.confirm.title";
    public static final String CONFIRM_OPERATOR = "ui.confirm.operator";
    public static final String CONFIRM_NUMBER = "ui.confirm.number";
    public static final String CONFIRM_CASH = "ui.confirm.cash";
    public static final String CONFIRM_FEE = "ui.confirm.fee";
    public static final String CONFIRM_TO_BALANCE = "ui.confirm.to_balance";

    public static final String SUBMITTING_TITLE = "ui.submitting.title";
    public static final String SUBMITTING_HINT = "ui.submitting.hint";
    public static final String RECEIPT_TITLE = "ui.receipt.title";

    public static final String DONE_CREDITED = "ui.done.credited";
    public static final String DONE_PENDING = "ui.done.pending";
    public static final String DONE_REFUSED = "ui.done.refused";
    public static final String DONE_AMOUNT_TO = "ui.done.amount_to";
    public static final String DONE_TXN = "ui.done.txn";

    public static final String VOUCHER_TITLE = "ui.voucher.title";
    public static final String VOUCHER_CODE = "ui.voucher.code";

    public static final String COUNTDOWN_TITLE = "ui.countdown.title";
    public static final String COUNTDOWN_HINT = "ui.countdown.hint";
    public static final String SERVICE_HINT = "ui.service.hint";
    public static final String OUT_OF_SERVICE_HINT = "ui.out_of_service.hint";

    // Keys shared with the flow and the receipt, owned by their section of the bundles.
    public static final String PAYMENT_CREDITED = "payment.credited";
    public static final String PAYMENT_PENDING = "payment.pending";
    public static final String PAYMENT_REFUSED = "payment.refused";
    public static final String RECEIPT_PRINTING = "receipt.printing";
    public static final String RECEIPT_FAILED = "receipt.failed";
    public static final String RECEIPT_LOOKUP = "receipt.lookup";
    public static final String CREDIT_HOWTO = "receipt.credit.howto";
    public static final String SESSION_LOCKED = "session.locked";
    public static final String OUT_OF_SERVICE_TITLE = "out_of_service.title";
    public static final String OUT_OF_SERVICE_BODY = "out_of_service.body";

    /** The key of a language's own name ("Русский", "English", "中文"), the same in every bundle. */
    public static String languageName(org.topupkiosk.flow.Lang lang) {
        return "ui.lang." + lang.code();
    }

    /** Every key above, for the completeness test. */
    public static List<String> all() {
        List<String> keys = new ArrayList<>();
        for (Field f : UiKeys.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    keys.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read UiKeys." + f.getName(), e);
                }
            }
        }
        return keys;
    }
}
