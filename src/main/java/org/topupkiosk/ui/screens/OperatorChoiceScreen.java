package org.topupkiosk.ui.screens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.UiKeys;

/**
 * "Who is your operator?": one tile per operator in its brand colour, and "not sure" for customers who just type the
 * number. The choice is only a hint: the carrier's check decides (numbers move between operators).
 */
public final class OperatorChoiceScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title");
    private final Label hint = Ui.label("hint");
    private final GridPane tiles = new GridPane();
    private final Consumer<FlowCommand> send;
    private final List<String> shown = new ArrayList<>();
    private final SimHint simHint = new SimHint(); // find my number: "or insert your SIM card"

    public OperatorChoiceScreen(Consumer<FlowCommand> send) {
        this.send = send;
        tiles.getStyleClass().add("operator-tiles");
        tiles.setId("operator-tiles");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(c);
        }
        root = Ui.column(title, tiles, hint, simHint.node());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.OPERATOR_CHOICE_TITLE));
        hint.setText(t.get(UiKeys.OPERATOR_CHOICE_HINT));
        simHint.update(s, t);
        List<ServicesView.OperatorTile> ops = s.services() == null ? List.of() : s.services().operators();
        List<String> ids = ops.stream().map(o -> o.id() + "|" + o.name()).toList();
        if (ids.equals(shown)) {
            return;
        }
        shown.clear();
        shown.addAll(ids);
        tiles.getChildren().clear();
        for (int i = 0; i < ops.size(); i++) {
            ServicesView.OperatorTile o = ops.get(i);
            Button b = Ui.button("operator-" + o.id(), "operator-choice");
            b.setText(o.name());
            b.setMaxWidth(Double.MAX_VALUE);
            Color bg = OperatorConfirmScreen.brand(o.color());
            b.setStyle("-fx-background-color: " + web(bg) + "; -fx-border-color: " + web(bg) + "; -fx-text-fill: "
                    + web(OperatorConfirmScreen.inkOn(bg)) + ";");
            b.setOnAction(e -> send.accept(new FlowCommand.ChooseOperator(o.id())));
            tiles.add(b, i % 2, i / 2);
        }
    }

    static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02X%02X%02X",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()),
                BarSpec.Action.of(UiKeys.OPERATOR_CHOICE_UNSURE, new FlowCommand.Next()));
    }
}
