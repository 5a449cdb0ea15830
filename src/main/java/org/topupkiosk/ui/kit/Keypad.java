package org.topupkiosk.ui.kit;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import org.topupkiosk.flow.core.FlowCommand;

/** The 3x4 keypad of the number and amount screens: digits, backspace and clear, each forwarded as a command. */
public final class Keypad extends GridPane {

    private final Button backspace;
    private final Button clear;

    public Keypad(String idPrefix, Consumer<FlowCommand> send) {
        getStyleClass().add("keypad");
        int[] layout = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 0; i < layout.length; i++) {
            add(digit(idPrefix, layout[i], send), i % 3, i / 3);
        }
        backspace = Ui.button(idPrefix + "-backspace", "key", "key-function");
        backspace.setGraphic(Ui.icon(Ui.ICON_BACKSPACE, "key-icon"));
        backspace.setOnAction(e -> send.accept(new FlowCommand.Backspace()));
        clear = Ui.button(idPrefix + "-clear", "key", "key-function");
        clear.setText("C");
        clear.setOnAction(e -> send.accept(new FlowCommand.Clear()));
        add(backspace, 0, 3);
        add(digit(idPrefix, 0, send), 1, 3);
        add(clear, 2, 3);
    }

    private static Button digit(String idPrefix, int d, Consumer<FlowCommand> send) {
        Button b = Ui.button(idPrefix + "-" + d, "key");
        b.setText(Integer.toString(d));
        b.setOnAction(e -> send.accept(new FlowCommand.Digit(d)));
        return b;
    }

    /** Screen readers and the service log see words, not the icon. */
    public void update(Texts t) {
        backspace.setAccessibleText(t.get(UiKeys.KEYPAD_BACKSPACE));
        clear.setAccessibleText(t.get(UiKeys.KEYPAD_CLEAR));
    }
}
