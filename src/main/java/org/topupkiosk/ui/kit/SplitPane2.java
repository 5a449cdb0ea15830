package org.topupkiosk.ui.kit;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Two parts of a screen: stacked in portrait, side by side in landscape. */
public final class SplitPane2 extends GridPane {

    private final Node first;
    private final Node second;

    public SplitPane2(Node first, Node second) {
        this.first = first;
        this.second = second;
        getStyleClass().add("split");
        add(first, 0, 0);
        add(second, 0, 1);
        for (Node n : new Node[] {first, second}) {
            GridPane.setHalignment(n, HPos.CENTER);
            GridPane.setValignment(n, VPos.TOP);
            GridPane.setHgrow(n, Priority.ALWAYS);
        }
        setLandscape(false);
    }

    public void setLandscape(boolean landscape) {
        GridPane.setConstraints(second, landscape ? 1 : 0, landscape ? 0 : 1);
        GridPane.setValignment(first, landscape ? VPos.CENTER : VPos.TOP);
        GridPane.setValignment(second, landscape ? VPos.CENTER : VPos.TOP);
        getColumnConstraints().clear();
        int columns = landscape ? 2 : 1;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHalignment(HPos.CENTER);
            getColumnConstraints().add(c);
        }
    }
}
