package org.topupkiosk.ui.kit;

import java.util.Locale;
import javafx.scene.paint.Color;

/** An operator's brand colour from the catalogue, and the ink that reads on it: for operator tiles. */
public final class BrandColors {

    private static final Color FALLBACK = Color.web("#0B5FFF");

    private BrandColors() {}

    /** Brand colour from the catalogue; a bad or missing value falls back to the kiosk's primary colour. */
    public static Color brand(String css) {
        if (css == null || css.isBlank()) {
            return FALLBACK;
        }
        try {
            return Color.web(css);
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    /** Black or white text, whichever reads better on the brand colour (Beeline yellow needs black). */
    public static Color inkOn(Color bg) {
        double l = 0.2126 * lin(bg.getRed()) + 0.7152 * lin(bg.getGreen()) + 0.0722 * lin(bg.getBlue());
        double onWhite = 1.05 / (l + 0.05);
        double onBlack = (l + 0.05) / 0.05;
        return onBlack > onWhite ? Color.web("#111827") : Color.WHITE;
    }

    private static double lin(double c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    public static String web(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** A tile's style in the brand colour {@code css}: background and border in it, text in the ink that reads. */
    public static String tileStyle(String css) {
        Color bg = brand(css);
        String web = web(bg);
        return "-fx-background-color: " + web + "; -fx-border-color: " + web + "; -fx-text-fill: " + web(inkOn(bg))
                + ";";
    }
}
