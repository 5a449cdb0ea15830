package org.topupkiosk.ui.kit;

import java.util.List;
import org.topupkiosk.domain.Lang;

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
    public static final String CASH_VOUCHER_APPLIED = "ui.cash.voucher_applied";

    public static final String CONFIRM_TITLE = "ui.confirm.title";
    public static final String CONFIRM_OPERATOR = "ui.confirm.operator";
    public static final String CONFIRM_NUMBER = "ui.confirm.number";
    public static final String CONFIRM_CASH = "ui.confirm.cash";
    public static final String CONFIRM_CASH_WITH_VOUCHER = "ui.confirm.cash_with_voucher";
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

    // Service screens (issue 6 items 2-6): home tiles, operator tiles, balance, packages, scratch card, promotion.
    public static final String HOME_TITLE = "ui.home.title";
    public static final String SERVICE_TOPUP = "ui.service.topup";
    public static final String SERVICE_TOPUP_HINT = "ui.service.topup.hint";
    public static final String SERVICE_PACKAGE = "ui.service.package";
    public static final String SERVICE_PACKAGE_HINT = "ui.service.package.hint";
    public static final String SERVICE_BALANCE = "ui.service.balance";
    public static final String SERVICE_BALANCE_HINT = "ui.service.balance.hint";
    public static final String SERVICE_VOUCHER = "ui.service.voucher";
    public static final String SERVICE_VOUCHER_HINT = "ui.service.voucher.hint";
    public static final String SERVICE_EPIN = "ui.service.epin";
    public static final String SERVICE_EPIN_HINT = "ui.service.epin.hint";
    public static final String SERVICE_ESIM = "ui.service.esim";
    public static final String SERVICE_ESIM_HINT = "ui.service.esim.hint";
    public static final String SERVICE_FIND_NUMBER = "ui.service.find_number";
    public static final String SERVICE_FIND_NUMBER_HINT = "ui.service.find_number.hint";
    public static final String SERVICE_AUTO_TOPUP = "ui.service.auto_topup";
    public static final String SERVICE_AUTO_TOPUP_HINT = "ui.service.auto_topup.hint";
    public static final String SERVICE_HISTORY = "ui.service.history";
    public static final String SERVICE_HISTORY_HINT = "ui.service.history.hint";
    public static final String OPERATOR_CHOICE_TITLE = "ui.operator_choice.title";
    public static final String OPERATOR_CHOICE_HINT = "ui.operator_choice.hint";
    public static final String OPERATOR_CHOICE_UNSURE = "ui.operator_choice.unsure";
    public static final String BALANCE_TITLE = "ui.balance.title";
    public static final String BALANCE_EXPIRES = "ui.balance.expires";
    public static final String BALANCE_NO_EXPIRY = "ui.balance.no_expiry";
    public static final String BALANCE_TOP_UP = "ui.balance.top_up";
    public static final String BALANCE_HINT = "ui.balance.hint";
    public static final String PACKAGES_TITLE = "ui.packages.title";
    public static final String PACKAGES_PAGE = "ui.packages.page";
    public static final String PACKAGES_UP = "ui.packages.up";
    public static final String PACKAGES_DOWN = "ui.packages.down";
    public static final String PACKAGE_KIND_DATA = "ui.package.kind.data";
    public static final String PACKAGE_KIND_VOICE = "ui.package.kind.voice";
    public static final String PACKAGE_KIND_COMBO = "ui.package.kind.combo";
    public static final String PACKAGE_PERIOD_DAY = "ui.package.period.day";
    public static final String PACKAGE_PERIOD_MONTH = "ui.package.period.month";
    public static final String PACKAGE_PERIOD_UNLIMITED = "ui.package.period.unlimited";
    public static final String PACKAGE_DATA = "ui.package.data";
    public static final String PACKAGE_MINUTES = "ui.package.minutes";
    public static final String PACKAGE_PERIOD = "ui.package.period";
    public static final String PACKAGE_PRICE = "ui.package.price";
    public static final String PACKAGE_FEE = "ui.package.fee";
    public static final String PACKAGE_CASH = "ui.package.cash";
    public static final String PACKAGE_GB = "ui.package.gb";
    public static final String PACKAGE_MB = "ui.package.mb";
    public static final String PACKAGE_MIN = "ui.package.min";
    public static final String PACKAGE_UNLIMITED = "ui.package.unlimited";
    public static final String PACKAGE_NONE = "ui.package.none";
    public static final String PACKAGE_EXTRA = "ui.package.extra";
    public static final String CASH_PACKAGE = "ui.cash.package";
    public static final String VOUCHER_PIN_TITLE = "ui.voucher_pin.title";
    public static final String VOUCHER_PIN_HINT = "ui.voucher_pin.hint";
    public static final String VOUCHER_PIN_EMPTY = "ui.voucher_pin.empty";
    public static final String VOUCHER_PIN_COUNT = "ui.voucher_pin.count";
    public static final String VOUCHER_CHECKING_TITLE = "ui.voucher_checking.title";
    public static final String VOUCHER_CONFIRM_TITLE = "ui.voucher_confirm.title";
    public static final String VOUCHER_CONFIRM_OPERATOR = "ui.voucher_confirm.operator";
    public static final String VOUCHER_CONFIRM_SERIAL = "ui.voucher_confirm.serial";
    public static final String VOUCHER_CONFIRM_HINT = "ui.voucher_confirm.hint";
    public static final String VOUCHER_REDEEMING_TITLE = "ui.voucher_redeeming.title";
    public static final String VOUCHER_DONE = "ui.voucher.done";
    public static final String PROMO_OFFER = "ui.promo.offer";
    public static final String PROMO_APPLIES = "ui.promo.applies";
    public static final String ASKING_OPERATOR = "ui.asking_operator.title";

    // Find my number (issue 7 item 4): insert the SIM, reading, the number, what failed, "or insert your SIM".
    public static final String SIM_INSERT_TITLE = "ui.sim.insert.title";
    public static final String SIM_INSERT_HOW = "ui.sim.insert.how";
    public static final String SIM_INSERT_HINT = "ui.sim.insert.hint";
    public static final String SIM_TYPE_INSTEAD = "ui.sim.type_instead";
    public static final String SIM_READING_TITLE = "ui.sim.reading.title";
    public static final String SIM_ASKING_TITLE = "ui.sim.asking.title";
    public static final String SIM_READING_HINT = "ui.sim.reading.hint";
    public static final String SIM_RESULT_TITLE = "ui.sim.result.title";
    public static final String SIM_FROM_CARD = "ui.sim.result.from_card";
    public static final String SIM_FROM_CARRIER = "ui.sim.result.from_carrier";
    public static final String SIM_OPERATOR = "ui.sim.result.operator";
    public static final String SIM_OPERATOR_HINT = "ui.sim.result.operator_hint";
    public static final String SIM_OPERATOR_UNKNOWN = "ui.sim.result.operator_unknown";
    public static final String SIM_TOP_UP = "ui.sim.result.top_up";
    public static final String SIM_BALANCE = "ui.sim.result.balance";
    public static final String SIM_PRINT = "ui.sim.result.print";
    public static final String SIM_PRINTED = "ui.sim.result.printed";
    public static final String SIM_TAKE_CARD = "ui.sim.take_card";
    public static final String SIM_FAILED_TITLE = "ui.sim.failed.title";
    public static final String SIM_FAILED_HINT = "ui.sim.failed.hint";
    public static final String SIM_OR_INSERT = "ui.sim.or_insert";
    // Auto top-up and recent payments (one-time codes).
    public static final String AUTO_TOPUP_THRESHOLD_TITLE = "ui.autotopup.threshold.title";
    public static final String AUTO_TOPUP_THRESHOLD_HINT = "ui.autotopup.threshold.hint";
    public static final String AUTO_TOPUP_THRESHOLD_TILE = "ui.autotopup.threshold.tile";
    public static final String AUTO_TOPUP_AMOUNT_TITLE = "ui.autotopup.amount.title";
    public static final String AUTO_TOPUP_AMOUNT_HINT = "ui.autotopup.amount.hint";
    public static final String AUTO_TOPUP_AMOUNT_NOTE = "ui.autotopup.amount.note";
    public static final String AUTO_TOPUP_SUMMARY_TITLE = "ui.autotopup.summary.title";
    public static final String AUTO_TOPUP_RULE = "ui.autotopup.rule";
    public static final String AUTO_TOPUP_SUMMARY_REPLACES = "ui.autotopup.summary.replaces";
    public static final String AUTO_TOPUP_SUMMARY_NO_CASH = "ui.autotopup.summary.no_cash";
    public static final String AUTO_TOPUP_SUMMARY_CODE_HINT = "ui.autotopup.summary.code_hint";
    public static final String SEND_CODE = "ui.button.send_code";
    public static final String AUTO_TOPUP_SUBMITTING_TITLE = "ui.autotopup.submitting.title";
    public static final String AUTO_TOPUP_DONE_ACTIVE = "ui.autotopup.done.active";
    public static final String AUTO_TOPUP_DONE_PENDING = "ui.autotopup.done.pending";
    public static final String AUTO_TOPUP_DONE_REPLACED = "ui.autotopup.done.replaced";
    public static final String AUTO_TOPUP_DONE_ID = "ui.autotopup.done.id";
    public static final String OTP_TITLE = "ui.otp.title";
    public static final String OTP_SENT_TO = "ui.otp.sent_to";
    public static final String OTP_EXPIRES = "ui.otp.expires";
    public static final String OTP_TRIES = "ui.otp.tries";
    public static final String OTP_DEAD = "ui.otp.dead";
    public static final String OTP_RESEND = "ui.otp.resend";
    public static final String OTP_SENDING_TITLE = "ui.otp.sending.title";
    public static final String OTP_SENDING_HINT = "ui.otp.sending.hint";
    public static final String OTP_CHECKING_TITLE = "ui.otp.checking.title";
    public static final String HISTORY_TITLE = "ui.history.title";
    public static final String HISTORY_COUNT = "ui.history.count";
    public static final String HISTORY_EMPTY = "ui.history.empty";
    public static final String HISTORY_REPRINT = "ui.history.reprint";
    public static final String HISTORY_COPIED = "ui.history.copied";
    public static final String HISTORY_PAGE = "ui.history.page";
    public static final String HISTORY_UP = "ui.history.up";
    public static final String HISTORY_DOWN = "ui.history.down";
    public static final String HISTORY_KIND_TOPUP = "ui.history.kind.topup";
    public static final String HISTORY_KIND_PACKAGE = "ui.history.kind.package";
    public static final String HISTORY_KIND_VOUCHER = "ui.history.kind.voucher";
    public static final String HISTORY_KIND_AUTO_TOPUP = "ui.history.kind.autotopup";
    public static final String HISTORY_KIND_AUTO_TOPUP_RULE = "ui.history.kind.autotopup_rule";
    public static final String HISTORY_KIND_OTHER = "ui.history.kind.other";
    public static final String HISTORY_STATUS_CREDITED = "ui.history.status.credited";
    public static final String HISTORY_STATUS_ACTIVE = "ui.history.status.active";
    public static final String HISTORY_STATUS_PENDING = "ui.history.status.pending";
    public static final String HISTORY_STATUS_REFUSED = "ui.history.status.refused";
    public static final String HISTORY_STATUS_CANCELLED = "ui.history.status.cancelled";
    public static final String HISTORY_STATUS_UNCONFIRMED = "ui.history.status.unconfirmed";
    // e-PIN and eSIM (issue 7 items 1 and 2): goods screens.
    public static final String GOODS_OPERATOR_TITLE_EPIN = "ui.goods.operator.title.epin";
    public static final String GOODS_OPERATOR_TITLE_ESIM = "ui.goods.operator.title.esim";
    public static final String GOODS_OPERATOR_HINT_EPIN = "ui.goods.operator.hint.epin";
    public static final String GOODS_OPERATOR_HINT_ESIM = "ui.goods.operator.hint.esim";
    public static final String GOODS_LOADING_EPIN = "ui.goods.loading.epin";
    public static final String GOODS_LOADING_ESIM = "ui.goods.loading.esim";
    public static final String GOODS_LIST_TITLE_EPIN = "ui.goods.list.title.epin";
    public static final String GOODS_LIST_TITLE_ESIM = "ui.goods.list.title.esim";
    public static final String GOODS_DAYS = "ui.goods.days";
    public static final String GOODS_EPIN_VALID = "ui.goods.epin.valid";
    public static final String GOODS_DEVICE_TITLE = "ui.goods.device.title";
    public static final String GOODS_DEVICE_HINT = "ui.goods.device.hint";
    public static final String GOODS_DEVICE_EMPTY = "ui.goods.device.empty";
    public static final String GOODS_DEVICE_COUNT = "ui.goods.device.count";
    public static final String GOODS_DEVICE_SKIP = "ui.goods.device.skip";
    public static final String GOODS_DETAILS_NOMINAL = "ui.goods.details.nominal";
    public static final String GOODS_DETAILS_DEVICE = "ui.goods.details.device";
    public static final String GOODS_DETAILS_NO_DEVICE = "ui.goods.details.no_device";
    public static final String GOODS_RULE_EPIN = "ui.goods.rule.epin";
    public static final String GOODS_RULE_ESIM = "ui.goods.rule.esim";
    public static final String GOODS_CASH_EPIN = "ui.goods.cash.epin";
    public static final String GOODS_CASH_ESIM = "ui.goods.cash.esim";
    public static final String GOODS_ITEM = "ui.goods.item";
    public static final String GOODS_DONE_EPIN = "ui.goods.done.epin";
    public static final String GOODS_DONE_ESIM = "ui.goods.done.esim";
    public static final String GOODS_DONE_PIN_HINT = "ui.goods.done.pin_hint";
    public static final String GOODS_DONE_SERIAL = "ui.goods.done.serial";
    public static final String GOODS_DONE_EXPIRES = "ui.goods.done.expires";
    public static final String GOODS_DONE_EPIN_HOWTO = "ui.goods.done.epin_howto";
    public static final String GOODS_DONE_ESIM_SCAN = "ui.goods.done.esim_scan";
    public static final String GOODS_DONE_ESIM_MANUAL = "ui.goods.done.esim_manual";
    public static final String GOODS_DONE_SMDP = "ui.goods.done.smdp";
    public static final String GOODS_DONE_MATCHING = "ui.goods.done.matching";
    public static final String GOODS_DONE_NEW_NUMBER = "ui.goods.done.new_number";
    public static final String GOODS_DONE_PENDING = "ui.goods.done.pending";
    public static final String GOODS_DONE_PENDING_HINT_EPIN = "ui.goods.done.pending_hint.epin";
    public static final String GOODS_DONE_PENDING_HINT_ESIM = "ui.goods.done.pending_hint.esim";
    public static final String GOODS_DONE_CLAIM = "ui.goods.done.claim";
    public static final String GOODS_DONE_CHANGE = "ui.goods.done.change";
    public static final String GOODS_SUBMITTING = "ui.goods.submitting";

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
    public static String languageName(Lang lang) {
        return "ui.lang." + lang.code();
    }

    /** Every key above, for the completeness test. */
    public static List<String> all() {
        return KeyConstants.of(UiKeys.class);
    }
}
