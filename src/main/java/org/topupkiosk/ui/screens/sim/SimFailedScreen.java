package org.topupkiosk.ui.screens.sim;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * No number from the card: what happened, in the customer's words (never a code), and the way on: type the number
 * (the primary action), or Back to try the card again.
 */
public final class SimFailedScreen extends ColumnScreen {

    private final Label problem = Ui.label("body", "strong", "sim-problem");
    private final Label hint = Ui.label("hint");
    private final SimReminder reminder = new SimReminder();

    public SimFailedScreen() {
        StackPane badge = new StackPane(Ui.icon(Ui.ICON_CROSS, "status-icon"));
        badge.getStyleClass().addAll("status-badge", "sim-failed-badge");
        problem.setId("sim-problem");
        layout(badge, title, problem, reminder.node(), hint);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        SimLookupView v = s.services() == null ? null : s.services().sim();
        title.setText(t.get(UiKeys.SIM_FAILED_TITLE));
        String key = v == null || v.problemKey() == null ? "sim.number.not_stored" : v.problemKey();
        problem.setText(t.get(key));
        hint.setText(t.get(UiKeys.SIM_FAILED_HINT));
        reminder.update(s, t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOverNext(UiKeys.SIM_TYPE_INSTEAD, true);
    }
}
