package org.topupkiosk.ui.screens.goods;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.Keypad;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.SplitPane2;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.screens.offers.GoodsTexts;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.GoodsView;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The phone's EID (32 digits) or IMEI (15) on a keypad, optional: with nothing typed the primary action is "Skip".
 * The digits show in groups of four so they can be checked against the phone's {@code *#06#} screen.
 */
public final class EsimDeviceScreen implements ScreenView {

    private final SplitPane2 root;
    private final Label title = Ui.label("title");
    private final Label display = Ui.label("device-display");
    private final Label count = Ui.label("hint");
    private final Label hint = Ui.label("hint");
    private final Keypad keypad;

    public EsimDeviceScreen(Consumer<FlowCommand> send) {
        display.setId("device-display");
        count.setId("device-count");
        keypad = new Keypad("device-key", send);
        root = new SplitPane2(Ui.column(title, display, count, hint), keypad);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        GoodsView g = GoodsTexts.goods(s);
        int n = g == null ? 0 : g.deviceCount();
        title.setText(t.get(UiKeys.GOODS_DEVICE_TITLE));
        display.setText(n == 0 ? t.get(UiKeys.GOODS_DEVICE_EMPTY) : g.deviceDigits());
        Ui.styleIf(display, "placeholder", n == 0);
        count.setText(t.get(UiKeys.GOODS_DEVICE_COUNT, Integer.toString(n)));
        hint.setText(t.get(UiKeys.GOODS_DEVICE_HINT));
        keypad.update(t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        GoodsView g = GoodsTexts.goods(s);
        boolean typed = g != null && g.deviceCount() > 0;
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()),
                BarSpec.Action.of(typed ? UiKeys.NEXT : UiKeys.GOODS_DEVICE_SKIP, new FlowCommand.Next()));
    }

    @Override
    public void setLandscape(boolean landscape) {
        root.setLandscape(landscape);
    }
}
