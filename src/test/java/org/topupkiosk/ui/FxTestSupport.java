package org.topupkiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Shared set-up for the headless screen tests. */
public final class FxTestSupport {

    private FxTestSupport() {}

    /**
     * Monocle's headless screen is 1280x800 unless told otherwise; the kiosk is 1080x1920 (or 1920x1080), and the
     * robot can only tap what is on the screen. Must run before the toolkit starts.
     */
    public static void headlessScreenFitsTheKiosk() {
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    /** Every node under {@code root} that is visible, with all its ancestors visible. */
    public static List<Node> visibleNodes(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<Node> out) {
        if (!node.isVisible()) {
            return;
        }
        out.add(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
