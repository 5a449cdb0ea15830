package org.topupkiosk.ui.kit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The plainest screen: a title and what goes with it in one centred column. Subclasses build the rest and hand it
 * all to {@link #layout} in their constructor.
 */
public abstract class ColumnScreen implements ScreenView {

    protected final Label title = Ui.label("title");
    private VBox root;

    /** The column of {@code children} (the title among them, usually first); once, from the subclass's constructor. */
    protected final VBox layout(Node... children) {
        root = Ui.column(children);
        return root;
    }

    @Override
    public final Node node() {
        return root;
    }
}
