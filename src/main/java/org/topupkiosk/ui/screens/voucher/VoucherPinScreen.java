package org.topupkiosk.ui.screens.voucher;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.KeypadScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The scratch card's PIN on the keypad, shown only as bullets in groups of four with a digit count: someone looking
 * over the customer's shoulder learns nothing. The snapshot never carries the PIN itself.
 */
public final class VoucherPinScreen extends KeypadScreen {

    private final Label display = Ui.label("pin-display");
    private final Label count = Ui.label("hint");
    private final Label hint = Ui.label("hint");

    public VoucherPinScreen(Consumer<FlowCommand> send) {
        super("pin-key", send);
        display.setId("pin-display");
        display.setWrapText(false);
        count.setId("pin-count");
        layout(display, count, hint);
    }

    @Override
    protected void show(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.VOUCHER_PIN_TITLE));
        int n = s.services() == null ? 0 : s.services().voucherPinLength();
        String mask = s.services() == null ? "" : s.services().voucherPinMasked();
        display.setText(n == 0 ? t.get(UiKeys.VOUCHER_PIN_EMPTY) : mask);
        Ui.styleIf(display, "placeholder", n == 0);
        count.setText(t.get(UiKeys.VOUCHER_PIN_COUNT, Integer.toString(n)));
        hint.setText(t.get(UiKeys.VOUCHER_PIN_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean typed = s.services() != null && s.services().voucherPinLength() > 0;
        return BarSpec.backStartOverNext(UiKeys.NEXT, typed);
    }
}
