package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.KeypadScreen;
import org.topupkiosk.ui.kit.PromoLabel;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** The amount typed so far, the operator's limits and what the fee rule makes of it, and the keypad. */
public final class AmountEntryScreen extends KeypadScreen {

    private final Label display = Ui.label("amount-display");
    private final Label limits = Ui.label("body", "muted");
    private final Label cashNeeded = Ui.label("body", "strong");
    private final Label fee = Ui.label("body", "muted");
    private final Label promo = PromoLabel.create("amount-promo");

    public AmountEntryScreen(Consumer<FlowCommand> send) {
        super("amount-key", send);
        display.setId("amount-display");
        display.setWrapText(false);
        cashNeeded.setId("amount-cash-needed");
        layout(display, limits, cashNeeded, fee, promo);
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
    protected void show(FlowSnapshot s, Texts t) {
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
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean typed = s.amountDigits() != null && !s.amountDigits().isEmpty();
        return BarSpec.backStartOverNext(UiKeys.NEXT, typed);
    }
}
