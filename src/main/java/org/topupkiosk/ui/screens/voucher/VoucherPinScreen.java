package org.topupkiosk.ui.screens.voucher;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.Keypad;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.SplitPane2;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The scratch card's PIN on the keypad, shown only as bullets in groups of four with a digit count: someone looking
 * over the customer's shoulder learns nothing. The snapshot never carries the PIN itself.
 */
public final class VoucherPinScreen implements ScreenView {

    private final SplitPane2 root;
    private final Label title = Ui.label("title");
    private final Label display = Ui.label("pin-display");
    private final Label count = Ui.label("hint");
    private final Label hint = Ui.label("hint");
    private final Keypad keypad;

    public VoucherPinScreen(Consumer<FlowCommand> send) {
        display.setId("pin-display");
        display.setWrapText(false);
        count.setId("pin-count");
        keypad = new Keypad("pin-key", send);
        root = new SplitPane2(Ui.column(title, display, count, hint), keypad);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.VOUCHER_PIN_TITLE));
        int n = s.services() == null ? 0 : s.services().voucherPinLength();
        String mask = s.services() == null ? "" : s.services().voucherPinMasked();
        display.setText(n == 0 ? t.get(UiKeys.VOUCHER_PIN_EMPTY) : mask);
        Ui.styleIf(display, "placeholder", n == 0);
        count.setText(t.get(UiKeys.VOUCHER_PIN_COUNT, Integer.toString(n)));
        hint.setText(t.get(UiKeys.VOUCHER_PIN_HINT));
        keypad.update(t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean typed = s.services() != null && s.services().voucherPinLength() > 0;
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()),
                BarSpec.Action.of(UiKeys.NEXT, new FlowCommand.Next(), typed));
    }

    @Override
    public void setLandscape(boolean landscape) {
        root.setLandscape(landscape);
    }
}
