package org.topupkiosk.ui.kit;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;

/**
 * A screen where the customer types on the keypad: a title and what is typed so far above the keypad when tall,
 * beside it when wide. Subclasses build their part of the head and hand it to {@link #layout} in their constructor,
 * and show a snapshot in {@link #show}; the keypad's labels follow the language by themselves.
 */
public abstract class KeypadScreen implements ScreenView {

    protected final Label title = Ui.label("title");
    protected final Keypad keypad;
    private SplitPane2 root;

    /** @param keyId the prefix of the keys' node ids ({@code "number-key"} gives {@code number-key-7}, ...) */
    protected KeypadScreen(String keyId, Consumer<FlowCommand> send) {
        keypad = new Keypad(keyId, send);
    }

    /** The head: the title, then {@code below}; call once, from the subclass's constructor. */
    protected final VBox layout(Node... below) {
        VBox head = Ui.column(title);
        head.getChildren().addAll(below);
        root = new SplitPane2(head, keypad);
        return head;
    }

    @Override
    public final Node node() {
        return root;
    }

    @Override
    public final void update(FlowSnapshot s, Texts t) {
        show(s, t);
        keypad.update(t);
    }

    /** Shows {@code s} in the head. */
    protected abstract void show(FlowSnapshot s, Texts t);

    @Override
    public void setLandscape(boolean landscape) {
        root.setLandscape(landscape);
    }
}
