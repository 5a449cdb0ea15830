package org.topupkiosk.ui.kit;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;

/**
 * An outcome screen: a status badge and title with what happened on one side, the proof (receipt state, QR code) on
 * the other, side by side when wide; "Done" ends the session. Subclasses build both sides and hand them to
 * {@link #layout} in their constructor.
 */
public abstract class ResultScreen implements ScreenView {

    protected final SVGPath icon = Ui.icon(Ui.ICON_CHECK, "status-icon");
    protected final StackPane badge = new StackPane(icon);
    protected final Label status = Ui.label("title", "status-title");
    protected final Label receipt = Ui.label("body", "muted");
    private VBox root;
    private SplitPane2 split;

    protected ResultScreen() {
        badge.getStyleClass().add("status-badge");
    }

    /** The two sides; once, from the subclass's constructor. */
    protected final void layout(Node first, Node second) {
        split = new SplitPane2(first, second);
        root = Ui.column(split);
    }

    /** Colours the screen for {@code shown}: the style class {@code status-credited}, {@code status-pending}, .... */
    protected final void showStatus(PaymentStatus shown) {
        for (PaymentStatus p : PaymentStatus.values()) {
            Ui.styleIf(root, "status-" + p.name().toLowerCase(Locale.ROOT), p == shown);
        }
    }

    /** Adds or removes one style class on the whole screen. */
    protected final void styleIf(String styleClass, boolean on) {
        Ui.styleIf(root, styleClass, on);
    }

    /** Sets the text and hides the label while there is none. */
    protected static void text(Label l, String text) {
        l.setText(text);
        Ui.show(l, text != null && !text.isEmpty());
    }

    @Override
    public final Node node() {
        return root;
    }

    @Override
    public final void setLandscape(boolean landscape) {
        split.setLandscape(landscape);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(null, null, BarSpec.Action.of(UiKeys.DONE, new FlowCommand.Finish()));
    }
}
