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

/** "Whose e-PIN?" or "Whose eSIM?": one tile per operator in its brand colour. Here the choice is the purchase. */
public final class GoodsOperatorScreen implements ScreenView {

    private final VBox root;
    private final Label title = Ui.label("title");
    private final Label hint = Ui.label("hint");
    private final GridPane tiles = new GridPane();
    private final Consumer<FlowCommand> send;
    private final List<String> shown = new ArrayList<>();

    public GoodsOperatorScreen(Consumer<FlowCommand> send) {
        this.send = send;
        tiles.getStyleClass().add("operator-tiles");
        tiles.setId("goods-operator-tiles");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(c);
        }
        root = Ui.column(title, hint, tiles);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        boolean esim = GoodsTexts.esim(s);
        title.setText(t.get(esim ? UiKeys.GOODS_OPERATOR_TITLE_ESIM : UiKeys.GOODS_OPERATOR_TITLE_EPIN));
        hint.setText(t.get(esim ? UiKeys.GOODS_OPERATOR_HINT_ESIM : UiKeys.GOODS_OPERATOR_HINT_EPIN));
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
            Button b = Ui.button("goods-operator-" + o.id(), "operator-choice");
            b.setText(o.name());
            b.setMaxWidth(Double.MAX_VALUE);
            Color bg = OperatorConfirmScreen.brand(o.color());
            String web = OperatorChoiceScreen.web(bg);
            b.setStyle("-fx-background-color: " + web + "; -fx-border-color: " + web + "; -fx-text-fill: "
                    + OperatorChoiceScreen.web(OperatorConfirmScreen.inkOn(bg)) + ";");
            b.setOnAction(e -> send.accept(new FlowCommand.ChooseOperator(o.id())));
            tiles.add(b, i % 2, i / 2);
        }
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()), null);
    }
}
