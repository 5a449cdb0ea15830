package org.topupkiosk.ui.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.kit.Stylesheets;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The service screens over the kiosk screen: hidden until the corner gesture, then the PIN pad, then the menu. The pad
 * opens over the customer's screen without touching their session; only the right PIN takes the kiosk out of customer
 * use (a cash session becomes a credit voucher, the flow shows "Service in progress"), and leaving the menu through
 * "Back to customers" hands it back. Over a customer's session a wrong PIN, a cancel or the customer's inactivity warning
 * ({@link #customerSnapshot}) closes the pad and gives the customer their screen back as it was. Left alone for {@link #IDLE_LIMIT} it hands the kiosk back by itself, so a technician who walks away
 * does not leave the menu open. It has its own language switch: the technician's language is not the last customer's.
 */
public final class ServiceView extends StackPane {

    /** How long the service screens stay open without a touch. */
    public static final Duration IDLE_LIMIT = Duration.minutes(3);

    enum Mode { HIDDEN, PIN, MENU }

    private final ServiceDesk desk;
    private final Messages messages;
    private final PinPadPane pinPad;
    private final ServiceMenuPane menu;
    private final StackPane body = new StackPane();
    private final Label title = Ui.label("service-title");
    private final Map<Lang, Button> langs = new EnumMap<>(Lang.class);
    private final PauseTransition idle = new PauseTransition(IDLE_LIMIT);
    private Lang lang;
    private Mode mode = Mode.HIDDEN;
    private Boolean landscape;
    /** The customer's newest snapshot (null when nobody follows the flow: the counter). */
    private FlowSnapshot customer;
    /** The pad was opened over a customer's session, which it must leave untouched. */
    private boolean overCustomer;

    public ServiceView(ServiceDesk desk, Messages messages, Lang lang, Executor fxThread) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.lang = Objects.requireNonNull(lang, "lang");
        setId("service-view");
        getStyleClass().addAll("kiosk", "service");
        Stylesheets.add(this, Stylesheets.BASE, "/org/topupkiosk/ui/service/service.css");
        pinPad = new PinPadPane(desk, fxThread, this::showMenu, this::backToCustomers, this::pinRefused);
        menu = new ServiceMenuPane(desk, fxThread, this::backToCustomers);
        title.setId("service-title");
        title.setWrapText(false);
        HBox switcher = new HBox();
        switcher.getStyleClass().add("lang-switch");
        for (Lang l : Lang.values()) {
            Button b = Ui.button("service-lang-" + l.code(), "lang-button", "lang-" + l.code() + "-text");
            b.setOnAction(e -> setLang(l));
            langs.put(l, b);
            switcher.getChildren().add(b);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, switcher);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("service-header");
        body.getStyleClass().add("service-body");
        getChildren().add(new BorderPane(body, header, null, null, null));
        idle.setOnFinished(e -> backToCustomers());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> idle.playFromStart());
        setVisible(false);
        render();
    }

    /** The corner gesture: the PIN pad over the customer's screen, their session untouched. Nothing when already open. */
    public void open() {
        if (mode != Mode.HIDDEN) {
            return;
        }
        overCustomer = customer != null && inSession(customer);
        desk.servicePadOpened();
        mode = Mode.PIN;
        pinPad.reset();
        body.getChildren().setAll(pinPad);
        setVisible(true);
        toFront();
        idle.playFromStart();
    }

    public boolean isOpen() {
        return mode != Mode.HIDDEN;
    }

    Mode mode() {
        return mode;
    }

    /**
     * The customer's screen changed (on the FX thread; the composition root follows the flow). While the pad is over a
     * customer's session, their inactivity warning or the end of the session closes it: the customer's own timeout
     * behaviour then applies, as if the pad had never opened.
     */
    public void customerSnapshot(FlowSnapshot snapshot) {
        customer = snapshot;
        if (mode == Mode.PIN && overCustomer && (snapshot.countdown() != null || !inSession(snapshot))) {
            backToCustomers();
        }
    }

    /** A customer is in a session: the flow is on none of the screens it rests on. */
    private static boolean inSession(FlowSnapshot s) {
        return s.screen() != Screen.IDLE && s.screen() != Screen.SERVICE_LOCK && s.screen() != Screen.OUT_OF_SERVICE;
    }

    /** A wrong PIN or a lockout: over a customer's session the pad closes at once and their screen is theirs again. */
    private void pinRefused() {
        if (mode == Mode.PIN && overCustomer) {
            backToCustomers();
        }
    }

    private void showMenu() {
        if (mode != Mode.PIN) {
            return; // the screens were closed (idle) while the PIN was being checked
        }
        desk.lockCustomers(); // only now: the right PIN was typed
        mode = Mode.MENU;
        pinPad.stop();
        menu.reset();
        body.getChildren().setAll(menu);
        idle.playFromStart();
    }

    /** Closes the service screens: from the menu customers are let back in; from the pad only its own lock goes. */
    private void backToCustomers() {
        if (mode == Mode.HIDDEN) {
            return;
        }
        boolean loggedIn = mode == Mode.MENU;
        mode = Mode.HIDDEN;
        overCustomer = false;
        idle.stop();
        pinPad.stop();
        menu.reset();
        setVisible(false);
        if (loggedIn) {
            desk.unlockCustomers();
        } else {
            desk.servicePadClosed();
        }
    }

    /** Follows the screen's shape: wider than tall is the landscape layout (1920x1080 counters and wide kiosks). */
    @Override
    protected void layoutChildren() {
        boolean wide = getWidth() > getHeight();
        if (landscape == null || landscape != wide) {
            landscape = wide;
            Ui.styleIf(this, "landscape", wide);
            pinPad.setLandscape(wide);
            menu.setLandscape(wide);
        }
        super.layoutChildren();
    }

    /** For tests: how long the service screens stay open untouched. */
    void setIdleLimit(Duration limit) {
        idle.setDuration(limit);
    }

    public void setLang(Lang lang) {
        this.lang = Objects.requireNonNull(lang, "lang");
        render();
    }

    private void render() {
        Texts t = new Texts(messages, lang);
        for (Lang l : Lang.values()) {
            Ui.styleIf(this, "lang-" + l.code(), l == lang);
            Button b = langs.get(l);
            b.setText(messages.get(l, UiKeys.languageName(l)));
            Ui.styleIf(b, "selected", l == lang);
        }
        title.setText(t.get(ServiceKeys.TITLE));
        pinPad.update(t);
        menu.update(t);
    }
}
