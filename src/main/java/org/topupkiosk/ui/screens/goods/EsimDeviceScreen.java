package org.topupkiosk.ui.screens.goods;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.KeypadScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.offers.GoodsTexts;

/**
 * The phone's EID (32 digits) or IMEI (15) on a keypad, optional: with nothing typed the primary action is "Skip".
 * The digits show in groups of four so they can be checked against the phone's {@code *#06#} screen.
 */
public final class EsimDeviceScreen extends KeypadScreen {

    private final Label display = Ui.label("device-display");
    private final Label count = Ui.label("hint");
    private final Label hint = Ui.label("hint");

    public EsimDeviceScreen(Consumer<FlowCommand> send) {
        super("device-key", send);
        display.setId("device-display");
        count.setId("device-count");
        layout(display, count, hint);
    }

    @Override
    protected void show(FlowSnapshot s, Texts t) {
        GoodsView g = GoodsTexts.goods(s);
        int n = g == null ? 0 : g.deviceCount();
        title.setText(t.get(UiKeys.GOODS_DEVICE_TITLE));
        display.setText(n == 0 ? t.get(UiKeys.GOODS_DEVICE_EMPTY) : g.deviceDigits());
        Ui.styleIf(display, "placeholder", n == 0);
        count.setText(t.get(UiKeys.GOODS_DEVICE_COUNT, Integer.toString(n)));
        hint.setText(t.get(UiKeys.GOODS_DEVICE_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        GoodsView g = GoodsTexts.goods(s);
        boolean typed = g != null && g.deviceCount() > 0;
        return BarSpec.backStartOverNext(typed ? UiKeys.NEXT : UiKeys.GOODS_DEVICE_SKIP, true);
    }
}
