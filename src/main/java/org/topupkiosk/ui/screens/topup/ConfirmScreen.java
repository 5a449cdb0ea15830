package org.topupkiosk.ui.screens.topup;

import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.PromoLabel;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.offers.GoodsTexts;
import org.topupkiosk.ui.screens.offers.PackageTexts;

/** The order summary, one row per fact, and Confirm. */
public final class ConfirmScreen extends ColumnScreen {

    private final GridPane summary = new GridPane();
    private final Label[] names = new Label[5];
    private final Label[] values = new Label[5];
    private final Label promo = PromoLabel.create("confirm-promo");

    public ConfirmScreen(Consumer<FlowCommand> send) {
        summary.getStyleClass().addAll("card", "summary");
        summary.setId("confirm-summary");
        ColumnConstraints nameCol = new ColumnConstraints();
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        valueCol.setHalignment(HPos.RIGHT);
        summary.getColumnConstraints().addAll(nameCol, valueCol);
        for (int i = 0; i < names.length; i++) {
            names[i] = Ui.label("body", "muted");
            values[i] = Ui.label("body", "strong");
            values[i].setWrapText(false);
            summary.addRow(i, names[i], values[i]);
        }
        values[4].getStyleClass().add("amount-large");
        values[4].setId("confirm-to-balance");
        layout(title, summary, promo);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.CONFIRM_TITLE));
        row(0, t.get(UiKeys.CONFIRM_OPERATOR), s.operatorName() == null ? "" : s.operatorName());
        GoodsView goods = GoodsTexts.goods(s);
        if (goods != null && goods.selected() != null) {
            row(1, t.get(UiKeys.GOODS_ITEM), goods.selected().title()); // an e-PIN or eSIM has no number yet
        } else {
            row(1, t.get(UiKeys.CONFIRM_NUMBER), s.msisdn() == null ? "" : s.msisdn().pretty());
        }
        // A spent credit voucher is not cash: the row names both parts of what was paid.
        row(2, t.get(UiKeys.CONFIRM_CASH), !s.creditApplied().isPositive() ? t.money(s.cashInserted())
                : t.get(UiKeys.CONFIRM_CASH_WITH_VOUCHER, s.cashInserted().minus(s.creditApplied()), s.creditApplied()));
        row(3, t.get(UiKeys.CONFIRM_FEE), t.money(s.fee()));
        ServicesView.PackageView pkg = s.services() == null ? null : s.services().selected();
        if (pkg != null) {
            // A package: its price, and the cash above it that goes to the balance (no change is given).
            row(4, t.get(UiKeys.PACKAGE_PRICE), t.money(pkg.price()));
            promo.setText(PackageTexts.toBalanceLine(s, t));
            Ui.show(promo, true);
        } else {
            row(4, t.get(UiKeys.CONFIRM_TO_BALANCE), t.money(s.toBalance()));
            PromoLabel.update(promo, s, t);
        }
    }

    private void row(int i, String name, String value) {
        names[i].setText(name);
        values[i].setText(value);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.CANCEL, new FlowCommand.Cancel()).danger(s.hasCash()),
                BarSpec.Action.of(UiKeys.CONFIRM, new FlowCommand.Confirm()));
    }
}
