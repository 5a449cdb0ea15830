package org.topupkiosk.ui.kit;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Parent;

/**
 * Where the kiosk's style sheets are. The base sheet (colours, type, frame, bars, keypad and the other shared widgets)
 * comes first; each feature's sheet sits beside that feature's screens and comes after it, so a feature's rule wins
 * over a base rule of equal specificity, as it did when they were one file.
 */
public final class Stylesheets {

    /** The base sheet, for every view of the kiosk (customer screens, service menu, counter). */
    public static final String BASE = "/org/topupkiosk/ui/kiosk.css";

    private Stylesheets() {}

    /** Adds the sheets at {@code paths} (absolute resource paths), in order, after those {@code node} has. */
    public static void add(Parent node, String... paths) {
        for (String path : paths) {
            URL url = Objects.requireNonNull(Stylesheets.class.getResource(path), path);
            node.getStylesheets().add(url.toExternalForm());
        }
    }
}
