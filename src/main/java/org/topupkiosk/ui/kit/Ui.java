package org.topupkiosk.ui.kit;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * Small factories so every screen builds labels, columns and icons the same way; styling lives in kiosk.css and the
 * feature sheets beside the screens.
 */
public final class Ui {

    private Ui() {}

    public static Label label(String... styleClasses) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    public static Button button(String id, String... styleClasses) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().addAll(styleClasses);
        b.setFocusTraversable(false);
        return b;
    }

    /** A column on a raised card: a screen's main facts (a balance, a card's nominal, a rule). */
    public static VBox card(Node... children) {
        VBox box = column(children);
        box.getStyleClass().add("card");
        return box;
    }

    /** The usual screen body: a centred column with the standard gap. */
    public static VBox column(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add("column");
        box.setAlignment(Pos.TOP_CENTER);
        box.setFillWidth(true);
        return box;
    }

    /**
     * Icons are paths, not glyphs: a glyph such as U+232B or U+2713 depends on which fonts the kiosk image carries, a
     * path does not.
     */
    public static SVGPath icon(String path, String... styleClasses) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setFillRule(FillRule.EVEN_ODD);
        p.getStyleClass().add("icon");
        p.getStyleClass().addAll(styleClasses);
        return p;
    }

    public static final String ICON_CHECK = "M6 26 L18 38 L42 10 L48 16 L18 50 L0 32 Z";
    public static final String ICON_CROSS = "M4 12 L12 4 L28 20 L44 4 L52 12 L36 28 L52 44 L44 52 L28 36 L12 52 L4 44 L20 28 Z";
    public static final String ICON_CLOCK =
            "M28 0 A28 28 0 1 0 28.01 0 Z M28 6 A22 22 0 1 1 27.99 6 Z M25 12 L31 12 L31 27 L42 34 L39 39 L25 31 Z";
    public static final String ICON_BACKSPACE =
            "M16 4 L56 4 L56 44 L16 44 L0 24 Z M26 14 L30 10 L37 17 L44 10 L48 14 L41 21 L48 28 L44 32 L37 25 L30 32 L26 28 L33 21 Z";

    /** Toggles a style class on or off. */
    public static void styleIf(Node node, String styleClass, boolean on) {
        if (on) {
            if (!node.getStyleClass().contains(styleClass)) {
                node.getStyleClass().add(styleClass);
            }
        } else {
            node.getStyleClass().remove(styleClass);
        }
    }

    public static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
