package org.topupkiosk.ui.screens.offers;

import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.GoodsView;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * An e-PIN or eSIM before it is paid: what it is, the price, the fee, the cash to insert, and, before any note goes
 * in, where money above the price goes (a credit voucher for an e-PIN, the new number's balance for an eSIM).
 */
public final class GoodsDetailsScreen implements ScreenView {

    private static final int ROWS = 8;

    private final VBox root;
    private final Label title = Ui.label("title");
    private final GridPane summary = new GridPane();
    private final Label[] names = new Label[ROWS];
    private final Label[] values = new Label[ROWS];
    private final Label rule = Ui.label("no-change");

    public GoodsDetailsScreen() {
        title.setId("goods-title");
        rule.setId("goods-rule");
        summary.getStyleClass().addAll("card", "summary");
        summary.setId("goods-summary");
        ColumnConstraints nameCol = new ColumnConstraints();
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        valueCol.setHalignment(javafx.geometry.HPos.RIGHT);
        summary.getColumnConstraints().addAll(nameCol, valueCol);
        for (int i = 0; i < ROWS; i++) {
            names[i] = Ui.label("body", "muted");
            values[i] = Ui.label("body", "strong");
            values[i].setWrapText(false);
        }
        root = Ui.column(title, summary, rule);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        GoodsView g = GoodsTexts.goods(s);
        if (g == null || g.selected() == null) {
            return;
        }
        GoodsView.Offer o = g.selected();
        title.setText(o.title());
        summary.getChildren().clear();
        int row = 0;
        row = row(row, t.get(UiKeys.CONFIRM_OPERATOR), s.operatorName() == null ? "" : s.operatorName());
        if (g.esim()) {
            row = row(row, t.get(UiKeys.PACKAGE_DATA), PackageTexts.data(o.dataMb(), t));
            row = row(row, t.get(UiKeys.PACKAGE_MINUTES), PackageTexts.minutes(o.voiceMinutes(), t));
            row = row(row, t.get(UiKeys.PACKAGE_PERIOD), GoodsTexts.days(o, t));
            row = row(row, t.get(UiKeys.GOODS_DETAILS_DEVICE), g.deviceKind() == null ? t.get(UiKeys.GOODS_DETAILS_NO_DEVICE)
                    : g.deviceKind() + " ···" + last4(g.deviceDigits()));
            row = row(row, t.get(UiKeys.PACKAGE_PRICE), t.money(o.price()));
        } else {
            row = row(row, t.get(UiKeys.GOODS_DETAILS_NOMINAL), t.money(o.price()));
            row = row(row, t.get(UiKeys.PACKAGE_PERIOD), GoodsTexts.days(o, t));
        }
        row = row(row, t.get(UiKeys.PACKAGE_FEE), t.money(o.fee()));
        row = row(row, t.get(UiKeys.PACKAGE_CASH), t.money(o.cashNeeded()));
        values[row - 1].getStyleClass().add("amount-large");
        values[row - 1].setId("goods-cash");
        rule.setText(t.get(g.esim() ? UiKeys.GOODS_RULE_ESIM : UiKeys.GOODS_RULE_EPIN));
    }

    private int row(int i, String name, String value) {
        names[i].setText(name);
        values[i].setText(value);
        values[i].getStyleClass().remove("amount-large");
        values[i].setId(null);
        summary.addRow(i, names[i], values[i]);
        return i + 1;
    }

    private static String last4(String grouped) {
        String d = grouped.replace(" ", "");
        return d.length() <= 4 ? d : d.substring(d.length() - 4);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()),
                BarSpec.Action.of(UiKeys.PAY, new FlowCommand.Next()));
    }
}
