package org.topupkiosk.ui.counter;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import org.topupkiosk.flow.counter.CounterCommand;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The counter's digits, from its on-screen keypad or the keyboard. On the PIN screen they stay here (masked on
 * screen, sent once on Enter, then wiped); elsewhere each key goes to the counter flow as a command.
 */
final class CounterInput {

    private final Consumer<CounterCommand> send;
    private final Runnable render;
    private final StringBuilder pin = new StringBuilder();

    CounterInput(Consumer<CounterCommand> send, Runnable render) {
        this.send = send;
        this.render = render;
    }

    int pinLength() {
        return pin.length();
    }

    /** Forgets a half-typed PIN (the screen changed). */
    void resetPin() {
        pin.setLength(0);
    }

    Node keypad(Texts t, boolean forPin) {
        GridPane g = new GridPane();
        g.getStyleClass().addAll("keypad", "counter-keypad");
        int[] digits = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 0; i < digits.length; i++) {
            g.add(digitKey(digits[i], forPin), i % 3, i / 3);
        }
        Button bs = Ui.button("counter-key-backspace", "key", "key-function");
        bs.setGraphic(Ui.icon(Ui.ICON_BACKSPACE, "key-icon"));
        bs.setAccessibleText(t.get(UiKeys.KEYPAD_BACKSPACE));
        bs.setOnAction(e -> backspace(forPin));
        Button clear = Ui.button("counter-key-clear", "key", "key-function");
        clear.setText("C");
        clear.setAccessibleText(t.get(UiKeys.KEYPAD_CLEAR));
        clear.setOnAction(e -> clear(forPin));
        g.add(bs, 0, 3);
        g.add(digitKey(0, forPin), 1, 3);
        g.add(clear, 2, 3);
        return g;
    }

    private Button digitKey(int d, boolean forPin) {
        Button b = Ui.button("counter-key-" + d, "key");
        b.setText(Integer.toString(d));
        b.setOnAction(e -> digit(d, forPin));
        return b;
    }

    void digit(int d, boolean forPin) {
        if (forPin) {
            if (pin.length() < 12) {
                pin.append(d);
                render.run();
            }
        } else {
            send.accept(new CounterCommand.Digit(d));
        }
    }

    void backspace(boolean forPin) {
        if (forPin) {
            if (!pin.isEmpty()) {
                pin.setLength(pin.length() - 1);
                render.run();
            }
        } else {
            send.accept(new CounterCommand.Backspace());
        }
    }

    void clear(boolean forPin) {
        if (forPin) {
            pin.setLength(0);
            render.run();
        } else {
            send.accept(new CounterCommand.Clear());
        }
    }

    void submitPin() {
        char[] typed = new char[pin.length()];
        pin.getChars(0, pin.length(), typed, 0);
        pin.setLength(0);
        send.accept(new CounterCommand.EnterPin(typed));
        render.run();
    }
}
