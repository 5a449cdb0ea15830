package org.topupkiosk.ui.screens.offers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.BrandColors;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.sim.SimHint;

/**
 * One tile per operator in its brand colour. For a top-up or a package it asks "Who is your operator?" with "not
 * sure" for customers who just type the number (the choice is only a hint: the carrier's check decides, numbers move
 * between operators). For an e-PIN or eSIM it asks "Whose e-PIN?" or "Whose eSIM?": there the choice is the purchase.
 */
public final class OperatorChoiceScreen extends ColumnScreen {

    private final Label hint = Ui.label("hint");
    private final GridPane tiles = new GridPane();
    private final Consumer<FlowCommand> send;
    private final List<String> shown = new ArrayList<>();
    private final boolean goods;
    private final SimHint simHint; // find my number: "or insert your SIM card"; null for goods

    private OperatorChoiceScreen(Consumer<FlowCommand> send, boolean goods) {
        this.send = send;
        this.goods = goods;
        tiles.getStyleClass().add("operator-tiles");
        tiles.setId(goods ? "goods-operator-tiles" : "operator-tiles");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(c);
        }
        simHint = goods ? null : new SimHint();
        if (goods) {
            layout(title, hint, tiles);
        } else {
            layout(title, tiles, hint, simHint.node());
        }
    }

    /** "Who is your operator?" for a top-up or a package. */
    public static OperatorChoiceScreen forTopUp(Consumer<FlowCommand> send) {
        return new OperatorChoiceScreen(send, false);
    }

    /** "Whose e-PIN?" or "Whose eSIM?". */
    public static OperatorChoiceScreen forGoods(Consumer<FlowCommand> send) {
        return new OperatorChoiceScreen(send, true);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        if (goods) {
            boolean esim = GoodsTexts.esim(s);
            title.setText(t.get(esim ? UiKeys.GOODS_OPERATOR_TITLE_ESIM : UiKeys.GOODS_OPERATOR_TITLE_EPIN));
            hint.setText(t.get(esim ? UiKeys.GOODS_OPERATOR_HINT_ESIM : UiKeys.GOODS_OPERATOR_HINT_EPIN));
        } else {
            title.setText(t.get(UiKeys.OPERATOR_CHOICE_TITLE));
            hint.setText(t.get(UiKeys.OPERATOR_CHOICE_HINT));
            simHint.update(s, t);
        }
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
            Button b = Ui.button((goods ? "goods-operator-" : "operator-") + o.id(), "operator-choice");
            b.setText(o.name());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setStyle(BrandColors.tileStyle(o.color()));
            b.setOnAction(e -> send.accept(new FlowCommand.ChooseOperator(o.id())));
            tiles.add(b, i % 2, i / 2);
        }
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return goods ? BarSpec.backStartOver(null) : BarSpec.backStartOverNext(UiKeys.OPERATOR_CHOICE_UNSURE, true);
    }
}
