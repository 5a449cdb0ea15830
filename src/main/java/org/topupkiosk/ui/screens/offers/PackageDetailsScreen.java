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
import org.topupkiosk.flow.ServicesView;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * A package before it is bought: what it includes, for how long, the price, the fee and the cash to insert, and that
 * cash above the price goes to the balance (no change). Pay opens the cash screen.
 */
public final class PackageDetailsScreen implements ScreenView {

    private static final int ROWS = 6;

    private final VBox root;
    private final Label title = Ui.label("title");
    private final GridPane summary = new GridPane();
    private final Label[] names = new Label[ROWS];
    private final Label[] values = new Label[ROWS];
    private final Label extra = Ui.label("no-change");

    public PackageDetailsScreen() {
        title.setId("package-title");
        summary.getStyleClass().addAll("card", "summary");
        summary.setId("package-summary");
        ColumnConstraints nameCol = new ColumnConstraints();
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        valueCol.setHalignment(javafx.geometry.HPos.RIGHT);
        summary.getColumnConstraints().addAll(nameCol, valueCol);
        for (int i = 0; i < ROWS; i++) {
            names[i] = Ui.label("body", "muted");
            values[i] = Ui.label("body", "strong");
            values[i].setWrapText(false);
            summary.addRow(i, names[i], values[i]);
        }
        values[5].getStyleClass().add("amount-large");
        values[5].setId("package-cash");
        root = Ui.column(title, summary, extra);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        ServicesView.PackageView p = s.services() == null ? null : s.services().selected();
        if (p == null) {
            return;
        }
        title.setText(p.title());
        row(0, t.get(UiKeys.PACKAGE_DATA), PackageTexts.data(p.dataMb(), t));
        row(1, t.get(UiKeys.PACKAGE_MINUTES), PackageTexts.minutes(p.voiceMinutes(), t));
        row(2, t.get(UiKeys.PACKAGE_PERIOD), PackageTexts.period(p, t));
        row(3, t.get(UiKeys.PACKAGE_PRICE), t.money(p.price()));
        row(4, t.get(UiKeys.PACKAGE_FEE), t.money(p.fee()));
        row(5, t.get(UiKeys.PACKAGE_CASH), t.money(p.cashNeeded()));
        extra.setText(t.get(UiKeys.PACKAGE_EXTRA));
    }

    private void row(int i, String name, String value) {
        names[i].setText(name);
        values[i].setText(value);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()),
                BarSpec.Action.of(UiKeys.PAY, new FlowCommand.Next()));
    }
}
