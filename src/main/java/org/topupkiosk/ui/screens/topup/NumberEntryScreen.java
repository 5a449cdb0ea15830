package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.KeypadScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.sim.SimHint;

/** The phone number typed so far in a "+7 (916) 123-45-__" mask, and the keypad. */
public final class NumberEntryScreen extends KeypadScreen {

    private static final String MASK = "+7 (___) ___-__-__";

    private final Label display = Ui.label("number-display");
    private final Label hint = Ui.label("hint");
    private final SimHint simHint = new SimHint(); // find my number: "or insert your SIM card"

    public NumberEntryScreen(Consumer<FlowCommand> send) {
        super("number-key", send);
        display.setId("number-display");
        display.setWrapText(false);
        layout(display, hint, simHint.node());
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
    protected void show(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.NUMBER_TITLE));
        display.setText(mask(s.numberDigits()));
        hint.setText(t.get(UiKeys.NUMBER_HINT));
        simHint.update(s, t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean typed = s.numberDigits() != null && !s.numberDigits().isEmpty();
        return BarSpec.backStartOverNext(UiKeys.NEXT, typed);
    }
}
