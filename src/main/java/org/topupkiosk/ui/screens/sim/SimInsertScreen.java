package org.topupkiosk.ui.screens.sim;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.SplitScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * "Insert your SIM card": big words, a picture of where and how, and "type the number" as the way out for anyone
 * whose card will not do. The flow arms the reader while this screen shows; a card going in moves it on.
 */
public final class SimInsertScreen extends SplitScreen {

    private final StackPane picture = SimPicture.create();
    private final Label how = Ui.label("body", "strong");
    private final Label hint = Ui.label("hint");

    public SimInsertScreen() {
        title.setId("sim-insert-title");
        how.setId("sim-insert-how");
        VBox words = Ui.column(title, how, hint);
        split(words, picture);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.SIM_INSERT_TITLE));
        how.setText(t.get(UiKeys.SIM_INSERT_HOW));
        hint.setText(t.get(UiKeys.SIM_INSERT_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOverNext(UiKeys.SIM_TYPE_INSTEAD, true);
    }

    @Override
    public void setLandscape(boolean landscape) {
        super.setLandscape(landscape);
        SimPicture.scale(picture, landscape);
    }
}
