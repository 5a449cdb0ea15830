package org.topupkiosk.ui.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.counter.CashierGate;
import org.topupkiosk.flow.counter.CounterCommand;
import org.topupkiosk.flow.counter.CounterScreen;
import org.topupkiosk.flow.counter.CounterSnapshot;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.kit.Stylesheets;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The counter terminal's screens, landscape 1920x1080: a header with the cashier, shift and language; the screen's
 * task on the left; the keypad on the right whenever digits are typed; the actions in a bottom bar with the primary one
 * on the right. Keyboard works as well as touch: digits, Backspace, Delete (clear), Enter (the primary action). The
 * view only shows snapshots and forwards commands; the PIN is collected here and handed over once.
 */
public final class CounterView extends StackPane {

    public static final double DESIGN_WIDTH = 1920;
    public static final double DESIGN_HEIGHT = 1080;

    private final Consumer<CounterCommand> send;
    private final Messages messages;
    private final Runnable openService;
    private final BorderPane frame = new BorderPane();
    private final Label title = Ui.label("counter-title");
    private final Label who = Ui.label("counter-who");
    private final HBox langs = new HBox();
    private final CounterInput input;
    private CounterSnapshot shown;
    private Texts t;

    public CounterView(Consumer<CounterCommand> send, Messages messages, Runnable openService) {
        this.send = Objects.requireNonNull(send, "send");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.openService = openService;
        this.input = new CounterInput(this.send, this::render);
        setId("counter-view");
        getStyleClass().addAll("kiosk", "counter");
        Stylesheets.add(this, Stylesheets.BASE, "/org/topupkiosk/ui/counter/counter.css");
        setPrefSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        langs.getStyleClass().add("lang-switch");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, who, gap, langs);
        header.getStyleClass().add("counter-header");
        header.setAlignment(Pos.CENTER_LEFT);
        frame.setTop(header);
        getChildren().add(frame);
        // On the scene, so keys work wherever the focus is (or when nothing has it) while the counter shows.
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
                old.removeEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
                scene.addEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
            }
        });
    }

    /** Shows a snapshot; call on the FX thread. */
    public void show(CounterSnapshot s) {
        if (shown == null || shown.screen() != s.screen()) {
            input.resetPin();
        }
        shown = s;
        t = new Texts(messages, s.lang());
        for (Lang l : Lang.values()) {
            Ui.styleIf(this, "lang-" + l.code(), l == s.lang());
        }
        render();
    }

    private void render() {
        CounterSnapshot s = shown;
        title.setText(t.get(CounterKeys.TITLE));
        who.setText(s.cashierName() == null ? "" : s.shift() == null ? s.cashierName()
                : t.get(CounterKeys.HEADER, s.cashierName(), String.valueOf(s.shift())));
        langs.getChildren().clear();
        for (Lang l : Lang.values()) {
            Button b = Ui.button("counter-lang-" + l.code(), "lang-button", "lang-" + l.code() + "-text");
            b.setText(messages.get(l, UiKeys.languageName(l)));
            Ui.styleIf(b, "selected", l == s.lang());
            b.setOnAction(e -> send.accept(new CounterCommand.SetLanguage(l)));
            langs.getChildren().add(b);
        }
        VBox task = new VBox();
        task.getStyleClass().add("counter-task");
        HBox.setHgrow(task, Priority.ALWAYS);
        List<Button> left = new ArrayList<>();
        Button primary = null;
        boolean keypad = false;
        switch (s.screen()) {
            case LOGIN -> {
                task.getChildren().add(text("title", t.get(CounterKeys.LOGIN_TITLE)));
                GridPane grid = new GridPane();
                grid.getStyleClass().add("counter-cashiers");
                int i = 0;
                for (CashierGate.Cashier c : s.cashiers()) {
                    Button b = Ui.button("counter-cashier-" + c.id(), "counter-cashier");
                    b.setText(c.name());
                    b.setOnAction(e -> send.accept(new CounterCommand.ChooseCashier(c.id())));
                    grid.add(b, i % 3, i / 3);
                    i++;
                }
                task.getChildren().add(grid);
                if (openService != null) {
                    Button service = button("counter-service", CounterKeys.SERVICE);
                    service.setOnAction(e -> openService.run());
                    left.add(service);
                }
            }
            case PIN -> {
                keypad = true;
                task.getChildren().addAll(text("title", t.get(CounterKeys.PIN_TITLE, s.cashierName())),
                        display("counter-pin-dots", "•".repeat(input.pinLength())));
                left.add(back());
                primary = button("counter-enter", CounterKeys.ENTER);
                primary.setOnAction(e -> input.submitPin());
            }
            case SHIFT -> {
                task.getChildren().add(text("title", t.get(CounterKeys.SHIFT_NONE)));
                reportLine(s, task);
                left.add(command("counter-logout", CounterKeys.LOGOUT, new CounterCommand.Logout()));
                primary = command("counter-open-shift", CounterKeys.SHIFT_OPEN, new CounterCommand.OpenShift());
            }
            case NUMBER -> {
                keypad = true;
                task.getChildren().addAll(text("title", t.get(CounterKeys.NUMBER_TITLE)),
                        display("counter-number", "+7 " + phone(s.digits())));
                reportLine(s, task);
                left.add(command("counter-logout", CounterKeys.LOGOUT, new CounterCommand.Logout()));
                left.add(command("counter-x", CounterKeys.X_REPORT, new CounterCommand.PrintX()));
                left.add(command("counter-close-shift", CounterKeys.CLOSE_SHIFT, new CounterCommand.CloseShift()));
                primary = command("counter-check", CounterKeys.CHECK, new CounterCommand.Next());
            }
            case CHECKING -> {
                task.getChildren().add(text("title", t.get(CounterKeys.CHECKING)));
                left.add(back());
            }
            case AMOUNT -> {
                keypad = true;
                task.getChildren().addAll(text("counter-sale", s.operatorName() + " · " + s.maskedNumber()),
                        text("title", t.get(CounterKeys.AMOUNT_TITLE)),
                        display("counter-amount", s.digits().isEmpty() ? "0" : s.digits()),
                        text("hint", t.get(CounterKeys.LIMITS, s.minAmount(), s.maxAmount())));
                left.add(back());
                primary = command("counter-next", CounterKeys.NEXT, new CounterCommand.Next());
            }
            case RECEIVED -> {
                keypad = true;
                task.getChildren().addAll(text("counter-sale", s.operatorName() + " · " + s.maskedNumber()),
                        summary(s), text("title", t.get(CounterKeys.RECEIVED_TITLE)),
                        display("counter-received", s.digits().isEmpty() ? "0" : s.digits()));
                Money typed = s.digits().isEmpty() ? Money.ZERO_RUB : Money.rub(Long.parseLong(s.digits()));
                if (!typed.lessThan(s.total())) {
                    Label preview = text("counter-change-preview", t.get(CounterKeys.CHANGE_PREVIEW,
                            typed.minus(s.total())));
                    preview.setId("counter-change-preview");
                    task.getChildren().add(preview);
                }
                left.add(back());
                primary = command("counter-take-cash", CounterKeys.TAKE_CASH, new CounterCommand.Next());
            }
            case PAYING -> task.getChildren().addAll(change(s), text("body", t.get(CounterKeys.PAYING)));
            case DONE -> {
                Label done = text("counter-done", t.get(s.status() == FlowSnapshot.PaymentStatus.CREDITED
                        ? CounterKeys.DONE_CREDITED : CounterKeys.DONE_PENDING, s.amount(), s.maskedNumber()));
                done.setId("counter-done");
                task.getChildren().addAll(change(s), done, receiptLine(s));
                primary = command("counter-new-sale", CounterKeys.NEW_SALE, new CounterCommand.Next());
            }
            case RETURN_CASH -> {
                task.getChildren().addAll(text("counter-refused", t.get(CounterKeys.RETURN_TITLE)), receiptLine(s));
                primary = command("counter-new-sale", CounterKeys.NEW_SALE, new CounterCommand.Next());
            }
            case CLOSE_SHIFT -> {
                task.getChildren().addAll(text("title", t.get(CounterKeys.CLOSE_TITLE, String.valueOf(s.shift()))),
                        text("body", t.get(CounterKeys.CLOSE_BODY)));
                left.add(back());
                primary = command("counter-close-confirm", CounterKeys.CLOSE_CONFIRM, new CounterCommand.ConfirmClose());
                primary.getStyleClass().add("danger");
            }
            default -> { }
        }
        if (s.message() != null) {
            task.getChildren().add(message(s.message()));
        }
        HBox middle = new HBox(task);
        middle.getStyleClass().add("counter-middle");
        if (keypad) {
            middle.getChildren().add(input.keypad(t, s.screen() == CounterScreen.PIN));
        }
        frame.setCenter(middle);
        frame.setBottom(bar(left, primary));
    }

    // Parts -----------------------------------------------------------------------------------------------------------

    private Node summary(CounterSnapshot s) {
        GridPane g = new GridPane();
        g.getStyleClass().add("counter-summary");
        row(g, 0, CounterKeys.AMOUNT, s.amount(), "counter-summary-amount");
        row(g, 1, CounterKeys.FEE, s.fee(), "counter-summary-fee");
        row(g, 2, CounterKeys.TOTAL, s.total(), "counter-summary-total");
        return g;
    }

    private void row(GridPane g, int r, String key, Money m, String id) {
        Label k = text(r == 2 ? "counter-total-label" : "body", t.get(key));
        Label v = text(r == 2 ? "counter-total" : "body", t.money(m));
        v.setId(id);
        g.add(k, 0, r);
        g.add(v, 1, r);
    }

    private Label change(CounterSnapshot s) {
        Label l = text("counter-change", t.get(CounterKeys.GIVE_CHANGE, s.change()));
        l.setId("counter-change");
        return l;
    }

    private Label receiptLine(CounterSnapshot s) {
        String key = s.receipt() == FlowSnapshot.ReceiptState.PRINTED ? CounterKeys.RECEIPT_PRINTED
                : s.receipt() == FlowSnapshot.ReceiptState.FAILED ? CounterKeys.RECEIPT_FAILED
                : CounterKeys.RECEIPT_PRINTING;
        Label l = text(s.receipt() == FlowSnapshot.ReceiptState.FAILED ? "warning-text" : "hint", t.get(key));
        l.setId("counter-receipt");
        return l;
    }

    private void reportLine(CounterSnapshot s, VBox task) {
        String key = switch (s.report()) {
            case PRINTING -> CounterKeys.REPORT_PRINTING;
            case X_PRINTED -> CounterKeys.REPORT_X;
            case Z_PRINTED -> CounterKeys.REPORT_Z;
            case FAILED -> CounterKeys.REPORT_FAILED;
            case NONE -> null;
        };
        if (key != null) {
            Label l = text(s.report() == CounterSnapshot.ReportState.FAILED ? "warning-text" : "hint", t.get(key));
            l.setId("counter-report");
            task.getChildren().add(l);
        }
    }

    private Label message(FlowMessage m) {
        Label l = text("message", t.message(m));
        l.setId("counter-message");
        Ui.styleIf(l, "message-error", m.severity() == FlowMessage.Severity.ERROR);
        Ui.styleIf(l, "message-warning", m.severity() == FlowMessage.Severity.WARNING);
        Ui.styleIf(l, "message-info", m.severity() == FlowMessage.Severity.INFO);
        return l;
    }

    private Node bar(List<Button> left, Button primary) {
        HBox bar = new HBox();
        bar.getStyleClass().addAll("bottombar", "counter-bar");
        bar.getChildren().addAll(left);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        bar.getChildren().add(gap);
        if (primary != null) {
            // A danger action (close the shift) keeps its own outline: red text on the primary blue would not read.
            if (!primary.getStyleClass().contains("danger")) {
                primary.getStyleClass().add("primary");
            }
            bar.getChildren().add(primary);
        }
        return bar;
    }

    private Button back() {
        return command("counter-back", CounterKeys.BACK, new CounterCommand.Back());
    }

    private Button command(String id, String key, CounterCommand c) {
        Button b = button(id, key);
        b.setOnAction(e -> send.accept(c));
        return b;
    }

    private Button button(String id, String key) {
        Button b = Ui.button(id, "bar-button");
        b.setText(t.get(key));
        return b;
    }

    private Label display(String id, String value) {
        Label l = text("number-display", value);
        l.setId(id);
        l.getStyleClass().add("counter-display");
        return l;
    }

    private static Label text(String style, String s) {
        Label l = Ui.label(style);
        l.setText(s);
        l.setWrapText(true);
        return l;
    }

    /** "9161234567" as "(916) 123-45-67", filling in as typed. */
    static String phone(String d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            if (i == 0) {
                sb.append('(');
            } else if (i == 3) {
                sb.append(") ");
            } else if (i == 6 || i == 8) {
                sb.append('-');
            }
            sb.append(d.charAt(i));
        }
        return sb.toString();
    }

    // Keyboard ----------------------------------------------------------------------------------------------------------

    /** Digits come as typed characters, so the number row, the numpad and a layout switch all work. */
    private void onTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (shown == null || isDisabled() || ch == null || ch.length() != 1 || ch.charAt(0) < '0' || ch.charAt(0) > '9') {
            return;
        }
        input.digit(ch.charAt(0) - '0', shown.screen() == CounterScreen.PIN);
        e.consume();
    }

    private void onKey(KeyEvent e) {
        if (shown == null || isDisabled()) {
            return;
        }
        boolean forPin = shown.screen() == CounterScreen.PIN;
        if (e.getCode() == KeyCode.BACK_SPACE) {
            input.backspace(forPin);
        } else if (e.getCode() == KeyCode.DELETE) {
            input.clear(forPin);
        } else if (e.getCode() == KeyCode.ENTER) {
            if (forPin) {
                input.submitPin();
            } else if (shown.screen() != CounterScreen.LOGIN && shown.screen() != CounterScreen.SHIFT
                    && shown.screen() != CounterScreen.CLOSE_SHIFT) {
                send.accept(new CounterCommand.Next());
            }
        } else {
            return;
        }
        e.consume();
    }
}
