package org.topupkiosk.ui.screens.topup;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.Keypad;
import org.topupkiosk.ui.kit.PromoLabel;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.SplitPane2;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.ui.kit.UiKeys;

/** The amount typed so far, the operator's limits and what the fee rule makes of it, and the keypad. */
public final class AmountEntryScreen implements ScreenView {

    private final SplitPane2 root;
    private final Label title = Ui.label("title");
    private final Label display = Ui.label("amount-display");
    private final Label limits = Ui.label("body", "muted");
    private final Label cashNeeded = Ui.label("body", "strong");
    private final Label fee = Ui.label("body", "muted");
    private final Label promo = PromoLabel.create("amount-promo");
    private final Keypad keypad;

    public AmountEntryScreen(Consumer<FlowCommand> send) {
        display.setId("amount-display");
        display.setWrapText(false);
        cashNeeded.setId("amount-cash-needed");
        keypad = new Keypad("amount-key", send);
        VBox head = Ui.column(title, display, limits, cashNeeded, fee, promo);
        root = new SplitPane2(head, keypad);
    }

    /** "1 500 ₽" while typing: the typed digits shown as the customer's own money format. */
    static String typedAmount(String digits, Texts t) {
        if (digits == null || digits.isEmpty()) {
            return t.money(Money.ZERO_RUB);
        }
        if (digits.length() > 12) {
            return digits; // cannot be a real amount; the flow refuses it, the screen just shows what was typed
        }
        return t.money(Money.rub(Long.parseLong(digits)));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.AMOUNT_TITLE));
        display.setText(typedAmount(s.amountDigits(), t));
        Ui.styleIf(display, "placeholder", s.amountDigits() == null || s.amountDigits().isEmpty());
        boolean hasLimits = s.minAmount() != null && s.maxAmount() != null;
        limits.setText(hasLimits ? t.get(UiKeys.AMOUNT_LIMITS, s.minAmount(), s.maxAmount()) : "");
        Ui.show(limits, hasLimits);
        Ui.show(cashNeeded, s.cashNeeded() != null);
        cashNeeded.setText(s.cashNeeded() == null ? "" : t.get(UiKeys.AMOUNT_CASH_NEEDED, s.cashNeeded()));
        Ui.show(fee, s.fee() != null);
        fee.setText(s.fee() == null ? "" : t.get(UiKeys.AMOUNT_FEE, s.fee()));
        PromoLabel.update(promo, s, t);
        keypad.update(t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean typed = s.amountDigits() != null && !s.amountDigits().isEmpty();
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
