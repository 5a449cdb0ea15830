package org.topupkiosk.ui.kit;

import javafx.scene.Node;
import org.topupkiosk.flow.core.FlowSnapshot;

/** One screen's content. It binds a snapshot to its nodes and forwards taps; it decides nothing. */
public interface ScreenView {

    Node node();

    /** Shows {@code s}; called on the FX thread for each new snapshot while this screen is current. */
    void update(FlowSnapshot s, Texts t);

    /** The bottom bar for {@code s}. */
    default BarSpec bar(FlowSnapshot s) {
        return BarSpec.NONE;
    }

    /** Landscape (wide) or portrait (tall) layout; screens with two parts put them side by side when wide. */
    default void setLandscape(boolean landscape) {}
}
