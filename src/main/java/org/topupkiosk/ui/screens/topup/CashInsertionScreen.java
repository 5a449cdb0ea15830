package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.PromoLabel;
import org.topupkiosk.ui.kit.SplitScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.offers.PackageTexts;

/**
 * The running total of inserted cash, what it puts on the balance after the fee, the limits, the no-change rule and
 * the notes the acceptor takes: all told before the first note goes in.
 */
public final class CashInsertionScreen extends SplitScreen {

    private final Label total = Ui.label("amount-huge");
    private final Label voucherApplied = Ui.label("body", "strong");
    private final Label toBalance = Ui.label("body", "strong");
    private final Label fee = Ui.label("body", "muted");
    private final Label limits = Ui.label("body", "muted");
    private final Label noChange = Ui.label("body", "no-change");
    private final Label notesTitle = Ui.label("hint");
    private final FlowPane notes = new FlowPane();
    private final Label waiting = Ui.label("body", "warning-text");
    private final Label promo = PromoLabel.create("cash-promo");

    public CashInsertionScreen(Consumer<FlowCommand> send) {
        total.setId("cash-total");
        total.setWrapText(false);
        toBalance.setId("cash-to-balance");
        voucherApplied.setId("cash-voucher-applied");
        notes.setId("cash-notes");
        notes.getStyleClass().add("chips");
        split(Ui.column(title, total, voucherApplied, toBalance, fee, promo),
                Ui.column(limits, noChange, notesTitle, notes, waiting));
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.CASH_TITLE));
        total.setText(t.money(s.cashInserted() == null ? Money.ZERO_RUB : s.cashInserted()));
        // A credit voucher spent into this order is part of the total; its own line says how much of it.
        boolean voucher = s.creditApplied().isPositive();
        voucherApplied.setText(voucher ? t.get(UiKeys.CASH_VOUCHER_APPLIED, s.creditApplied()) : "");
        Ui.show(voucherApplied, voucher);
        toBalance.setText(s.toBalance() == null ? "" : PackageTexts.toBalanceLine(s, t));
        Ui.show(toBalance, s.toBalance() != null);
        fee.setText(s.fee() == null ? "" : t.get(UiKeys.CASH_FEE, s.fee()));
        Ui.show(fee, s.fee() != null);
        boolean hasLimits = s.minAmount() != null && s.maxAmount() != null;
        limits.setText(hasLimits ? t.get(UiKeys.CASH_LIMITS, s.minAmount(), s.maxAmount()) : "");
        Ui.show(limits, hasLimits);
        noChange.setText(t.get(UiKeys.CASH_NO_CHANGE));
        PromoLabel.update(promo, s, t);
        notesTitle.setText(t.get(UiKeys.CASH_ACCEPTED_NOTES));
        notes.getChildren().clear();
        for (Money note : s.acceptedNotes()) {
            Label chip = Ui.label("chip");
            chip.setWrapText(false);
            chip.setText(t.money(note));
            notes.getChildren().add(chip);
        }
        Ui.show(notesTitle, !s.acceptedNotes().isEmpty());
        Ui.show(notes, !s.acceptedNotes().isEmpty());
        waiting.setText(t.get(UiKeys.CASH_ACCEPTOR_WAITING));
        Ui.show(waiting, !s.acceptorReady());
    }

    /** Pay once the cash covers the minimum; Cancel warns in red when it would print a credit voucher. */
    @Override
    public BarSpec bar(FlowSnapshot s) {
        boolean canPay = s.toBalance() != null && s.minAmount() != null && s.toBalance().compareTo(s.minAmount()) >= 0;
        return new BarSpec(
                BarSpec.Action.of(UiKeys.CANCEL, new FlowCommand.Cancel()).danger(s.hasCash()),
                null,
                BarSpec.Action.of(UiKeys.PAY, new FlowCommand.Pay(), canPay));
    }
}
