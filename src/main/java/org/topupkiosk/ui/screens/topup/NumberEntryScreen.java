package org.topupkiosk.ui.screens.topup;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.Keypad;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.SplitPane2;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.screens.sim.SimHint;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.ui.kit.UiKeys;

/** The phone number typed so far in a "+7 (916) 123-45-__" mask, and the keypad. */
public final class NumberEntryScreen implements ScreenView {

    private static final String MASK = "+7 (___) ___-__-__";

    private final SplitPane2 root;
    private final Label title = Ui.label("title");
    private final Label display = Ui.label("number-display");
    private final Label hint = Ui.label("hint");
    private final Keypad keypad;
    private final SimHint simHint = new SimHint(); // find my number: "or insert your SIM card"

    public NumberEntryScreen(Consumer<FlowCommand> send) {
        display.setId("number-display");
        display.setWrapText(false);
        keypad = new Keypad("number-key", send);
        VBox head = Ui.column(title, display, hint, simHint.node());
        root = new SplitPane2(head, keypad);
    }

    /** Fills the mask's blanks with the typed digits, in order; extra digits are not shown (the flow caps at 10). */
    public static String mask(String digits) {
        StringBuilder out = new StringBuilder(MASK);
        int next = 0;
        String d = digits == null ? "" : digits;
        for (int i = 0; i < out.length() && next < d.length(); i++) {
            if (out.charAt(i) == '_') {
                out.setCharAt(i, d.charAt(next++));
            }
        }
        return out.toString();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.NUMBER_TITLE));
        display.setText(mask(s.numberDigits()));
        hint.setText(t.get(UiKeys.NUMBER_HINT));
        simHint.update(s, t);
        keypad.update(t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean typed = s.numberDigits() != null && !s.numberDigits().isEmpty();
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
