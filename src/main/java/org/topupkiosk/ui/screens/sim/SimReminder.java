package org.topupkiosk.ui.screens.sim;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** "Take your SIM card out of the reader", shown while the customer's card is still in it. */
final class SimReminder {

    /** A small SIM card: cut corner top right, contact pad. */
    static final String ICON = "M4 0 H30 L40 10 V56 H4 Z M12 24 H32 V46 H12 Z";

    private final Label label = Ui.label("warning-text", "sim-reminder");

    SimReminder() {
        label.setId("sim-take-card");
        label.setGraphic(Ui.icon(ICON, "sim-reminder-icon"));
        label.setContentDisplay(ContentDisplay.LEFT);
        label.setGraphicTextGap(24);
    }

    Label node() {
        return label;
    }

    void update(FlowSnapshot s, Texts t) {
        SimLookupView v = s.services() == null ? null : s.services().sim();
        label.setText(t.get(UiKeys.SIM_TAKE_CARD));
        Ui.show(label, v != null && v.cardInSlot());
    }
}
