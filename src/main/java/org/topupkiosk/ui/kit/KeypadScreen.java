package org.topupkiosk.ui.kit;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;

/**
 * A screen where the customer types on the keypad: a title and what is typed so far above the keypad when tall,
 * beside it when wide. Subclasses build their part of the head and hand it to {@link #layout} in their constructor,
 * and show a snapshot in {@link #show}; the keypad's labels follow the language by themselves.
 */
public abstract class KeypadScreen extends SplitScreen {

    protected final Keypad keypad;

    /** @param keyId the prefix of the keys' node ids ({@code "number-key"} gives {@code number-key-7}, ...) */
    protected KeypadScreen(String keyId, Consumer<FlowCommand> send) {
        keypad = new Keypad(keyId, send);
    }

    /** The head: the title, then {@code below}; call once, from the subclass's constructor. */
    protected final VBox layout(Node... below) {
        VBox head = Ui.column(title);
        head.getChildren().addAll(below);
        split(head, keypad);
        return head;
    }

    @Override
    public final void update(FlowSnapshot s, Texts t) {
        show(s, t);
        keypad.update(t);
    }

    /** Shows {@code s} in the head. */
    protected abstract void show(FlowSnapshot s, Texts t);
}
