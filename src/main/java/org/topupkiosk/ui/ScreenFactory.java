package org.topupkiosk.ui;

import java.util.function.Consumer;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.ui.kit.NoticeScreen;
import org.topupkiosk.ui.kit.ProgressScreen;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.account.AutoTopUpDoneScreen;
import org.topupkiosk.ui.screens.account.AutoTopUpSummaryScreen;
import org.topupkiosk.ui.screens.account.BalanceScreen;
import org.topupkiosk.ui.screens.account.HistoryScreen;
import org.topupkiosk.ui.screens.account.MoneyChoiceScreen;
import org.topupkiosk.ui.screens.account.OtpEntryScreen;
import org.topupkiosk.ui.screens.goods.EsimDeviceScreen;
import org.topupkiosk.ui.screens.goods.GoodsDoneScreen;
import org.topupkiosk.ui.screens.home.HomeScreen;
import org.topupkiosk.ui.screens.home.IdleScreen;
import org.topupkiosk.ui.screens.home.LanguageScreen;
import org.topupkiosk.ui.screens.offers.OfferDetailsScreen;
import org.topupkiosk.ui.screens.offers.OfferListScreen;
import org.topupkiosk.ui.screens.offers.OperatorChoiceScreen;
import org.topupkiosk.ui.screens.sim.SimFailedScreen;
import org.topupkiosk.ui.screens.sim.SimInsertScreen;
import org.topupkiosk.ui.screens.sim.SimResultScreen;
import org.topupkiosk.ui.screens.topup.AmountEntryScreen;
import org.topupkiosk.ui.screens.topup.CashInsertionScreen;
import org.topupkiosk.ui.screens.topup.ConfirmScreen;
import org.topupkiosk.ui.screens.topup.CreditVoucherScreen;
import org.topupkiosk.ui.screens.topup.DoneScreen;
import org.topupkiosk.ui.screens.topup.NumberEntryScreen;
import org.topupkiosk.ui.screens.topup.OperatorConfirmScreen;
import org.topupkiosk.ui.screens.voucher.VoucherConfirmScreen;
import org.topupkiosk.ui.screens.voucher.VoucherPinScreen;

/** Which view shows which of the flow's screens: one instance per screen, made the first time it is shown. */
final class ScreenFactory {

    private ScreenFactory() {}

    static ScreenView create(Screen screen, Consumer<FlowCommand> send) {
        return switch (screen) {
            case IDLE -> new IdleScreen(send);
            case LANGUAGE -> new LanguageScreen(send);
            case NUMBER_ENTRY -> new NumberEntryScreen(send);
            case CHECKING_NUMBER -> new ProgressScreen(
                    s -> s.service() == Service.TOPUP ? UiKeys.CHECKING_TITLE : UiKeys.ASKING_OPERATOR,
                    UiKeys.CHECKING_HINT).withStartOver();
            case OPERATOR_CONFIRM -> new OperatorConfirmScreen(send);
            case AMOUNT_ENTRY -> new AmountEntryScreen(send);
            case CASH_INSERTION -> new CashInsertionScreen(send);
            case CONFIRM -> new ConfirmScreen(send);
            case SUBMITTING -> new ProgressScreen(
                    s -> s.service() == Service.VOUCHER ? UiKeys.VOUCHER_REDEEMING_TITLE
                            : s.service() == Service.EPIN || s.service() == Service.ESIM ? UiKeys.GOODS_SUBMITTING
                            : UiKeys.SUBMITTING_TITLE,
                    UiKeys.SUBMITTING_HINT);
            case RECEIPT -> new ProgressScreen(UiKeys.RECEIPT_TITLE, UiKeys.RECEIPT_PRINTING);
            case DONE -> new DoneScreen(send);
            case CREDIT_VOUCHER -> new CreditVoucherScreen(send);
            case OUT_OF_SERVICE -> new NoticeScreen("out-of-service", UiKeys.OUT_OF_SERVICE_TITLE,
                    UiKeys.OUT_OF_SERVICE_BODY, UiKeys.OUT_OF_SERVICE_HINT);
            case HOME -> new HomeScreen(send);
            case OPERATOR_CHOICE -> OperatorChoiceScreen.forTopUp(send);
            case BALANCE_RESULT -> new BalanceScreen();
            case PACKAGE_LIST -> OfferListScreen.forPackages(send);
            case PACKAGE_DETAILS -> OfferDetailsScreen.forPackages();
            case VOUCHER_PIN -> new VoucherPinScreen(send);
            case VOUCHER_CHECKING -> new ProgressScreen(UiKeys.VOUCHER_CHECKING_TITLE, UiKeys.CHECKING_HINT).withStartOver();
            case VOUCHER_CONFIRM -> new VoucherConfirmScreen();
            case SERVICE_LOCK -> new NoticeScreen("service-lock", UiKeys.SESSION_LOCKED, null, UiKeys.SERVICE_HINT);
            // Find my number (issue 7 item 4).
            case SIM_INSERT -> new SimInsertScreen();
            case SIM_READING -> new ProgressScreen(s -> s.services() != null && s.services().sim() != null
                    && s.services().sim().phase() == SimLookupView.Phase.ASKING
                    ? UiKeys.SIM_ASKING_TITLE : UiKeys.SIM_READING_TITLE, UiKeys.SIM_READING_HINT).withStartOver();
            case SIM_RESULT -> new SimResultScreen(send);
            case SIM_FAILED -> new SimFailedScreen();
            // Auto top-up and recent payments (one-time codes)
            case AUTO_TOPUP_THRESHOLD -> new MoneyChoiceScreen(MoneyChoiceScreen.Question.THRESHOLD, send);
            case AUTO_TOPUP_AMOUNT -> new MoneyChoiceScreen(MoneyChoiceScreen.Question.AMOUNT, send);
            case AUTO_TOPUP_SUMMARY -> new AutoTopUpSummaryScreen();
            case OTP_SENDING -> new ProgressScreen(UiKeys.OTP_SENDING_TITLE, UiKeys.OTP_SENDING_HINT).withStartOver();
            case OTP_ENTRY -> new OtpEntryScreen(send);
            case OTP_CHECKING -> new ProgressScreen(UiKeys.OTP_CHECKING_TITLE, UiKeys.CHECKING_HINT).withStartOver();
            case AUTO_TOPUP_SUBMITTING -> new ProgressScreen(UiKeys.AUTO_TOPUP_SUBMITTING_TITLE, UiKeys.SUBMITTING_HINT);
            case AUTO_TOPUP_DONE -> new AutoTopUpDoneScreen();
            case HISTORY_LIST -> new HistoryScreen(send);
            // e-PIN and eSIM (issue 7)
            case GOODS_OPERATOR -> OperatorChoiceScreen.forGoods(send);
            case GOODS_LOADING -> new ProgressScreen(s -> s.service() == Service.ESIM ? UiKeys.GOODS_LOADING_ESIM
                    : UiKeys.GOODS_LOADING_EPIN, UiKeys.CHECKING_HINT).withStartOver();
            case GOODS_LIST -> OfferListScreen.forGoods(send);
            case ESIM_DEVICE -> new EsimDeviceScreen(send);
            case GOODS_DETAILS -> OfferDetailsScreen.forGoods();
            case GOODS_DONE -> new GoodsDoneScreen(send);
        };
    }
}
