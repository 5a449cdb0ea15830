package org.topupkiosk.ui.kit;

import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;

/** The "printing your receipt" / "the receipt could not be printed" line under a result; hidden when all is well. */
public final class ReceiptNote {

    private ReceiptNote() {}

    public static void show(Label label, ReceiptState state, Texts t) {
        String text = state == ReceiptState.PRINTING ? t.get(UiKeys.RECEIPT_PRINTING)
                : state == ReceiptState.FAILED ? t.get(UiKeys.RECEIPT_FAILED) : "";
        label.setText(text);
        Ui.styleIf(label, "warning-text", state == ReceiptState.FAILED);
        Ui.show(label, !text.isEmpty());
    }
}
