package org.topupkiosk.ui.kit;

import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * A screen in two parts: one above the other when tall, side by side when wide. Subclasses build both parts and hand
 * them to {@link #split} in their constructor.
 */
public abstract class SplitScreen implements ScreenView {

    protected final Label title = Ui.label("title");
    private SplitPane2 root;

    /** The two parts; once, from the subclass's constructor. */
    protected final void split(Node first, Node second) {
        root = new SplitPane2(first, second);
    }

    @Override
    public final Node node() {
        return root;
    }

    @Override
    public void setLandscape(boolean landscape) {
        root.setLandscape(landscape);
    }
}
