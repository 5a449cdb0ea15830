package org.topupkiosk.ui.screens;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.UiKeys;

/** The operator the check found, on a tile in its brand colour, with the number to confirm. */
public final class OperatorConfirmScreen implements ScreenView {

    private static final Color FALLBACK = Color.web("#0B5FFF");

    private final VBox root;
    private final Label title = Ui.label("title");
    private final StackPane tile = new StackPane();
    private final Label name = Ui.label("operator-name");
    private final Label number = Ui.label("number-display");
    private final Label hint = Ui.label("hint");

    public OperatorConfirmScreen(Consumer<FlowCommand> send) {
        tile.getStyleClass().add("operator-tile");
        tile.setId("operator-tile");
        tile.getChildren().add(name);
        number.setWrapText(false);
        root = Ui.column(title, tile, number, hint);
    }

    /** Brand colour from the catalogue; a bad or missing value falls back to the kiosk's primary colour. */
    static Color brand(String css) {
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
    static Color inkOn(Color bg) {
        double l = 0.2126 * lin(bg.getRed()) + 0.7152 * lin(bg.getGreen()) + 0.0722 * lin(bg.getBlue());
        double onWhite = 1.05 / (l + 0.05);
        double onBlack = (l + 0.05) / 0.05;
        return onBlack > onWhite ? Color.web("#111827") : Color.WHITE;
    }

    private static double lin(double c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.OPERATOR_TITLE));
        Color bg = brand(s.operatorColor());
        tile.setStyle("-fx-background-color: " + web(bg) + ";");
        name.setStyle("-fx-text-fill: " + web(inkOn(bg)) + ";");
        name.setText(s.operatorName() == null ? "" : s.operatorName());
        number.setText(s.msisdn() == null ? NumberEntryScreen.mask(s.numberDigits()) : s.msisdn().pretty());
        hint.setText(t.get(UiKeys.OPERATOR_HINT));
    }

    private static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02X%02X%02X",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()),
                BarSpec.Action.of(UiKeys.NEXT, new FlowCommand.Next()));
    }
}
