package org.topupkiosk.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.FadeTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowMessage;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.KioskFlow;
import org.topupkiosk.flow.Lang;
import org.topupkiosk.flow.Screen;
import org.topupkiosk.flow.Service;
import org.topupkiosk.flow.SimLookupView;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.kit.NoticeScreen;
import org.topupkiosk.ui.kit.ProgressScreen;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Stylesheets;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
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

/**
 * The kiosk's whole screen: the same frame (top bar, message line, bottom bar, inactivity overlay) around the content
 * of the flow's current {@link Screen}. It shows snapshots and forwards taps as commands; the flow decides.
 */
public final class KioskView extends StackPane {

    /** The logical size the kiosk is designed for (portrait); landscape swaps them. */
    public static final double DESIGN_WIDTH = 1080;
    public static final double DESIGN_HEIGHT = 1920;

    /** The base sheet, then each feature's beside its screens, in the order they were written (order breaks ties). */
    private static final String[] STYLESHEETS = {Stylesheets.BASE,
            "/org/topupkiosk/ui/screens/home/home.css",
            "/org/topupkiosk/ui/screens/offers/offers.css",
            "/org/topupkiosk/ui/screens/voucher/voucher.css",
            "/org/topupkiosk/ui/screens/sim/sim.css",
            "/org/topupkiosk/ui/screens/account/account.css",
            "/org/topupkiosk/ui/screens/goods/goods.css"};

    private final Messages messages;
    private final Consumer<FlowCommand> send;
    private final FlowUiAdapter adapter;
    private final boolean ownsAdapter;
    private final Map<Screen, ScreenView> views = new EnumMap<>(Screen.class);
    private final TopBar topBar;
    private final BottomBar bottomBar;
    private final CountdownOverlay overlay;
    private final StackPane content = new StackPane();
    private final Label message = Ui.label("message");
    private boolean landscape;
    private boolean animated = true;
    private Screen shown;

    public KioskView(KioskFlow flow, Messages messages) {
        this(new FlowUiAdapter(flow), flow::submit, messages, true);
    }

    /** For an app that shares one adapter between several views (a service screen, a mirror). */
    public KioskView(FlowUiAdapter adapter, Consumer<FlowCommand> commands, Messages messages) {
        this(adapter, commands, messages, false);
    }

    private KioskView(FlowUiAdapter adapter, Consumer<FlowCommand> commands, Messages messages, boolean ownsAdapter) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.send = Objects.requireNonNull(commands, "commands");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ownsAdapter = ownsAdapter;
        getStyleClass().add("kiosk");
        Stylesheets.add(this, STYLESHEETS);
        topBar = new TopBar(send);
        bottomBar = new BottomBar(send);
        overlay = new CountdownOverlay(send);
        content.getStyleClass().add("content");
        message.setId("message");
        VBox middle = new VBox(content, message);
        middle.getStyleClass().add("middle");
        VBox.setVgrow(content, Priority.ALWAYS);
        BorderPane frame = new BorderPane(middle, topBar, null, bottomBar, null);
        frame.getStyleClass().add("frame");
        getChildren().addAll(frame, overlay);
        setPrefSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        adapter.snapshotProperty().addListener((obs, old, s) -> show(s));
        if (adapter.snapshot() != null) {
            show(adapter.snapshot());
        }
    }

    /** Wide layout (1920x1080): screens with a keypad put it beside the display. */
    public void setLandscape(boolean landscape) {
        this.landscape = landscape;
        Ui.styleIf(this, "landscape", landscape);
        views.values().forEach(v -> v.setLandscape(landscape));
    }

    public boolean isLandscape() {
        return landscape;
    }

    /** Screen changes fade in quickly; tests and screenshots switch the fade off to see the final frame at once. */
    public void setAnimated(boolean animated) {
        this.animated = animated;
    }

    /**
     * Puts {@code layer} over the frame and the inactivity overlay: the service screens and their hidden corner target.
     * A layer that is not visible takes no taps.
     */
    public void addLayer(Node layer) {
        getChildren().add(layer);
    }

    /** Stops following the flow (when the view is thrown away). */
    public void dispose() throws Exception {
        if (ownsAdapter) {
            adapter.close();
        }
    }

    private void show(FlowSnapshot s) {
        if (s == null) {
            return;
        }
        Texts t = new Texts(messages, s.lang());
        for (Lang lang : Lang.values()) {
            Ui.styleIf(this, "lang-" + lang.code(), lang == s.lang());
        }
        ScreenView view = views.computeIfAbsent(s.screen(), this::create);
        view.update(s, t);
        if (s.screen() != shown) {
            content.getChildren().setAll(view.node());
            if (animated && shown != null) {
                FadeTransition fade = new FadeTransition(Duration.millis(160), view.node());
                fade.setFromValue(0.3);
                fade.setToValue(1);
                fade.play();
            } else {
                view.node().setOpacity(1);
            }
            shown = s.screen();
        }
        topBar.update(s, t);
        bottomBar.update(view.bar(s), t);
        Ui.show(bottomBar, s.screen() != Screen.IDLE);
        showMessage(s.message(), t);
        overlay.update(s, t);
    }

    private void showMessage(FlowMessage m, Texts t) {
        message.setText(m == null ? "" : t.message(m));
        for (FlowMessage.Severity sev : FlowMessage.Severity.values()) {
            Ui.styleIf(message, "message-" + sev.name().toLowerCase(Locale.ROOT), m != null && m.severity() == sev);
        }
        Ui.show(message, m != null);
    }

    private ScreenView create(Screen screen) {
        ScreenView v = switch (screen) {
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
        v.node().getStyleClass().add("screen-" + screen.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        v.setLandscape(landscape);
        return v;
    }
}
