package org.topupkiosk.ui.screens.sim;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * "Or insert your SIM card": on the operator tiles and the number screen, shown only while the flow has the reader
 * armed there and it works, so the kiosk never offers what it cannot do.
 */
public final class SimHint {

    private final Label label = Ui.label("body", "sim-hint");

    public SimHint() {
        label.setId("sim-or-insert");
        label.setGraphic(Ui.icon(SimReminder.ICON, "sim-hint-icon"));
        label.setContentDisplay(ContentDisplay.LEFT);
        label.setGraphicTextGap(24);
    }

    public Label node() {
        return label;
    }

    public void update(FlowSnapshot s, Texts t) {
        SimLookupView v = s.services() == null ? null : s.services().sim();
        label.setText(t.get(UiKeys.SIM_OR_INSERT));
        Ui.show(label, v != null && v.readerReady());
    }
}
