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
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.KioskFlow;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Stylesheets;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

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
        ScreenView v = ScreenFactory.create(screen, send);
        v.node().getStyleClass().add("screen-" + screen.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        v.setLandscape(landscape);
        return v;
    }
}
