package org.topupkiosk.ui.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.service.PinAttempt;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/**
 * The PIN pad in front of the service menu: masked dots, big keys, the wrong-PIN message with the attempts left, and
 * the lockout's countdown. The PIN is held as digits in a char array and wiped once sent.
 */
final class PinPadPane extends StackPane {

    /** As PinHash allows: 6 to 12 digits; 4 and 5 can still be typed so an old short PIN is told why it is refused. */
    private static final int MAX_DIGITS = 12;
    private static final int MIN_DIGITS = 6;
    private static final int MIN_TYPED = 4;

    private final ServiceDesk desk;
    private final Executor fx;
    private final Runnable onLogin;
    private final Runnable onRefused;
    private final Label title = Ui.label("title");
    private final Label hint = Ui.label("hint");
    private final Label dots = Ui.label("pin-dots");
    private final Label message = Ui.label("message");
    private final Button enter = Ui.button("service-pin-enter", "bar-button", "primary");
    private final Button cancel = Ui.button("service-pin-cancel", "bar-button");
    private final List<Button> keys = new ArrayList<>();
    private final HBox actions;
    private final GridPane pad;
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
    private char[] typed = new char[0];
    private boolean checking;
    private boolean unavailable;
    private Texts texts;
    /** What the message line says, re-rendered on a language switch. */
    private Function<Texts, String> messageText = t -> "";
    private String messageStyle = "message-info";

    /** {@code onRefused} runs after a wrong PIN or a lockout, once the message is shown. */
    PinPadPane(ServiceDesk desk, Executor fx, Runnable onLogin, Runnable onCancel, Runnable onRefused) {
        this.desk = desk;
        this.fx = fx;
        this.onLogin = onLogin;
        this.onRefused = onRefused;
        getStyleClass().add("pin-pad");
        setAlignment(Pos.TOP_CENTER);
        title.setId("service-pin-title");
        dots.setId("service-pin-dots");
        dots.setWrapText(false);
        message.setId("service-pin-message");
        ticker.setCycleCount(Timeline.INDEFINITE);
        GridPane pad = new GridPane();
        pad.getStyleClass().add("keypad");
        int[] layout = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 0; i < layout.length; i++) {
            pad.add(digit(layout[i]), i % 3, i / 3);
        }
        Button back = Ui.button("service-pin-backspace", "key", "key-function");
        back.setGraphic(Ui.icon(Ui.ICON_BACKSPACE, "key-icon"));
        back.setOnAction(e -> setTyped(typed.length == 0 ? typed : Arrays.copyOf(typed, typed.length - 1)));
        Button clear = Ui.button("service-pin-clear", "key", "key-function");
        clear.setText("C");
        clear.setOnAction(e -> setTyped(new char[0]));
        keys.add(back);
        keys.add(clear);
        pad.add(back, 0, 3);
        pad.add(digit(0), 1, 3);
        pad.add(clear, 2, 3);
        enter.setOnAction(e -> submit());
        cancel.setOnAction(e -> onCancel.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        actions = new HBox(cancel, gap, enter);
        actions.getStyleClass().add("service-actions");
        this.pad = pad;
        setLandscape(false);
    }

    /** Portrait: everything in one column. Landscape: the display and actions on the left, the keys on the right. */
    void setLandscape(boolean landscape) {
        VBox head = Ui.column(title, hint, dots, message);
        if (landscape) {
            head.getChildren().add(actions);
            HBox.setHgrow(head, Priority.ALWAYS);
            HBox wide = new HBox(head, pad);
            wide.getStyleClass().add("pin-pad-wide");
            getChildren().setAll(wide);
        } else {
            head.getChildren().addAll(pad, actions);
            getChildren().setAll(head);
        }
    }

    private Button digit(int d) {
        Button b = Ui.button("service-pin-" + d, "key");
        b.setText(Integer.toString(d));
        b.setOnAction(e -> {
            if (typed.length < MAX_DIGITS) {
                char[] next = Arrays.copyOf(typed, typed.length + 1);
                next[typed.length] = (char) ('0' + d);
                setTyped(next);
            }
        });
        keys.add(b);
        return b;
    }

    /** Fresh pad: nothing typed; asks whether the gate is usable and whether a lockout still runs. */
    void reset() {
        setTyped(new char[0]);
        checking = false;
        unavailable = false;
        say(t -> "", "message-info");
        desk.pinAvailability().whenCompleteAsync((a, err) -> {
            if (err != null || !a.available()) {
                unavailable = true;
                String why = err != null ? String.valueOf(err.getMessage()) : a.problem();
                say(t -> t.get(ServiceKeys.PIN_UNAVAILABLE) + "\n" + t.get(ServiceKeys.PIN_UNAVAILABLE_HINT)
                        + "\n" + why, "message-error");
            } else if (!desk.lockedFor().isZero()) {
                startLockout();
            }
            refreshEnabled();
        }, fx);
        refreshEnabled();
    }

    void stop() {
        ticker.stop();
        setTyped(new char[0]);
    }

    private void setTyped(char[] next) {
        Arrays.fill(typed, '\0');
        typed = next;
        dots.setText("●".repeat(typed.length) + "○".repeat(Math.max(0, MIN_DIGITS - typed.length)));
        refreshEnabled();
    }

    private void submit() {
        if (typed.length == 0 || checking) {
            return;
        }
        checking = true;
        char[] pin = typed;
        typed = new char[0];
        say(t -> t.get(ServiceKeys.PIN_CHECKING), "message-info");
        refreshEnabled();
        desk.login(pin).whenCompleteAsync((attempt, err) -> {
            checking = false;
            setTyped(new char[0]);
            if (err != null) {
                say(t -> t.get(ServiceKeys.FAILED, String.valueOf(err.getMessage())), "message-error");
            } else if (attempt.result() == PinAttempt.Result.OK) {
                say(t -> "", "message-info");
                onLogin.run();
            } else if (attempt.result() == PinAttempt.Result.WRONG) {
                int left = attempt.failuresLeft();
                say(t -> t.get(ServiceKeys.PIN_WRONG, left), "message-error");
                onRefused.run();
            } else if (attempt.result() == PinAttempt.Result.LOCKED) {
                startLockout();
                onRefused.run();
            } else if (attempt.result() == PinAttempt.Result.TOO_SHORT) {
                say(t -> t.get(ServiceKeys.PIN_TOO_SHORT), "message-error");
            } else {
                unavailable = true;
                String why = attempt.problem();
                say(t -> t.get(ServiceKeys.PIN_UNAVAILABLE) + "\n" + why, "message-error");
            }
            refreshEnabled();
        }, fx);
    }

    private void startLockout() {
        ticker.playFromStart();
        tick();
    }

    private void tick() {
        Duration left = desk.lockedFor();
        if (left.isZero()) {
            ticker.stop();
            say(t -> "", "message-info");
        } else {
            long s = (left.toMillis() + 999) / 1000;
            String mmss = s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
            say(t -> t.get(ServiceKeys.PIN_LOCKED, mmss), "message-warning");
        }
        refreshEnabled();
    }

    private boolean locked() {
        return ticker.getStatus() == Animation.Status.RUNNING;
    }

    private void refreshEnabled() {
        boolean blocked = checking || unavailable || locked();
        keys.forEach(k -> k.setDisable(blocked));
        enter.setDisable(blocked || typed.length < MIN_TYPED);
    }

    private void say(Function<Texts, String> text, String style) {
        messageText = text;
        messageStyle = style;
        render();
    }

    void update(Texts t) {
        texts = t;
        title.setText(t.get(ServiceKeys.PIN_TITLE));
        hint.setText(t.get(ServiceKeys.PIN_HINT));
        enter.setText(t.get(ServiceKeys.PIN_ENTER));
        cancel.setText(t.get(ServiceKeys.BACK_TO_CUSTOMERS));
        render();
    }

    private void render() {
        if (texts == null) {
            return;
        }
        String text = messageText.apply(texts);
        message.setText(text);
        for (String s : List.of("message-info", "message-warning", "message-error")) {
            Ui.styleIf(message, s, s.equals(messageStyle));
        }
        Ui.show(message, !text.isEmpty());
    }
}
