package org.topupkiosk.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/**
 * Back and Start over on the left, the primary action on the right. Hidden buttons keep their place, so the primary
 * action never moves between screens.
 */
final class BottomBar extends HBox {

    private final Button left = Ui.button("bar-left", "bar-button");
    private final Button middle = Ui.button("bar-middle", "bar-button");
    private final Button primary = Ui.button("bar-primary", "bar-button", "primary");
    private BarSpec spec = BarSpec.NONE;

    BottomBar(Consumer<FlowCommand> send) {
        getStyleClass().add("bottombar");
        setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(left, middle, gap, primary);
        left.setOnAction(e -> fire(spec.left(), send));
        middle.setOnAction(e -> fire(spec.middle(), send));
        primary.setOnAction(e -> fire(spec.primary(), send));
        update(BarSpec.NONE, null);
    }

    private static void fire(BarSpec.Action action, Consumer<FlowCommand> send) {
        if (action != null && action.enabled()) {
            send.accept(action.command());
        }
    }

    void update(BarSpec spec, Texts t) {
        this.spec = spec;
        bind(left, spec.left(), t);
        bind(middle, spec.middle(), t);
        bind(primary, spec.primary(), t);
    }

    private static void bind(Button b, BarSpec.Action action, Texts t) {
        b.setVisible(action != null);
        b.setDisable(action == null || !action.enabled());
        b.setText(action == null || t == null ? "" : t.get(action.key()));
        Ui.styleIf(b, "danger", action != null && action.danger());
    }
}
