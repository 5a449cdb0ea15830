package org.topupkiosk.ui.kit;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A card of "name ... value" rows, names muted on the left, values strong on the right (what a purchase costs, what a
 * package includes). Rows are filled afresh on each update; the labels are reused.
 */
public final class SummaryTable {

    private final GridPane grid = new GridPane();
    private final List<Label> names = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private int used;

    public SummaryTable(String id) {
        grid.getStyleClass().addAll("card", "summary");
        grid.setId(id);
        ColumnConstraints nameCol = new ColumnConstraints();
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        valueCol.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(nameCol, valueCol);
    }

    public Node node() {
        return grid;
    }

    /** Empties the card before the rows of an update. */
    public void clear() {
        grid.getChildren().clear();
        used = 0;
    }

    /** Adds a row and returns its value label (plain: a big value is marked by {@link #emphasize}). */
    public Label add(String name, String value) {
        if (used == names.size()) {
            names.add(Ui.label("body", "muted"));
            Label v = Ui.label("body", "strong");
            v.setWrapText(false);
            values.add(v);
        }
        Label n = names.get(used);
        Label v = values.get(used);
        n.setText(name);
        v.setText(value);
        v.getStyleClass().remove("amount-large");
        v.setId(null);
        grid.addRow(used, n, v);
        used++;
        return v;
    }

    /** The last row's value in large type with {@code id}: the sum the customer acts on. */
    public void emphasizeLast(String id) {
        Label v = values.get(used - 1);
        v.getStyleClass().add("amount-large");
        v.setId(id);
    }
}
