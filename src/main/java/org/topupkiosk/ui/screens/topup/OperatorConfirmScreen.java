package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.BrandColors;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** The operator the check found, on a tile in its brand colour, with the number to confirm. */
public final class OperatorConfirmScreen extends ColumnScreen {

    private final StackPane tile = new StackPane();
    private final Label name = Ui.label("operator-name");
    private final Label number = Ui.label("number-display");
    private final Label hint = Ui.label("hint");

    public OperatorConfirmScreen(Consumer<FlowCommand> send) {
        tile.getStyleClass().add("operator-tile");
        tile.setId("operator-tile");
        tile.getChildren().add(name);
        number.setWrapText(false);
        layout(title, tile, number, hint);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.OPERATOR_TITLE));
        Color bg = BrandColors.brand(s.operatorColor());
        tile.setStyle("-fx-background-color: " + BrandColors.web(bg) + ";");
        name.setStyle("-fx-text-fill: " + BrandColors.web(BrandColors.inkOn(bg)) + ";");
        name.setText(s.operatorName() == null ? "" : s.operatorName());
        number.setText(s.msisdn() == null ? NumberEntryScreen.mask(s.numberDigits()) : s.msisdn().pretty());
        hint.setText(t.get(UiKeys.OPERATOR_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOverNext(UiKeys.NEXT, true);
    }
}
