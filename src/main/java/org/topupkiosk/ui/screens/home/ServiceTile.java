package org.topupkiosk.ui.screens.home;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.topupkiosk.ui.kit.Ui;

/** A big touch tile: an icon, a name and one line saying what it does. The whole tile is the button. */
final class ServiceTile {

    private final Button button;
    private final Label name = Ui.label("tile-name");
    private final Label hint = Ui.label("tile-hint");

    ServiceTile(String id, String iconPath) {
        button = Ui.button(id, "service-tile");
        SVGPath icon = Ui.icon(iconPath, "tile-icon");
        VBox box = new VBox(icon, name, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("tile-box");
        button.setGraphic(box);
        button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE);
    }

    Button button() {
        return button;
    }

    void setText(String title, String line) {
        name.setText(title);
        hint.setText(line);
        button.setAccessibleText(title);
    }
}
