package org.topupkiosk.ui.screens.account;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * One question of the auto top-up answered with a tap on a big money tile: the balance to watch for (threshold) or
 * what the operator adds (amount). The tile already chosen is marked, so Back shows what was picked.
 */
public final class MoneyChoiceScreen extends ColumnScreen {

    /** Which question this screen asks. */
    public enum Question { THRESHOLD, AMOUNT }

    private final Question question;
    private final Consumer<FlowCommand> send;
    private final Label hint = Ui.label("hint");
    private final Label note = Ui.label("body", "muted");
    private final GridPane tiles = new GridPane();
    private final List<Money> shown = new ArrayList<>();
    private final List<Button> buttons = new ArrayList<>();
    private boolean landscape;

    public MoneyChoiceScreen(Question question, Consumer<FlowCommand> send) {
        this.question = question;
        this.send = send;
        tiles.getStyleClass().add("money-tiles");
        tiles.setId(question == Question.THRESHOLD ? "threshold-tiles" : "amount-tiles");
        tiles.setMaxHeight(Region.USE_PREF_SIZE);
        // Wrapped text keeps the height of all its lines: a squeezed column would cut it to one line with an ellipsis.
        for (Label l : new Label[] {title, hint, note}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        layout(title, hint, tiles, note);
        setLandscape(false);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        AccountView v = s.services() == null ? null : s.services().account();
        boolean threshold = question == Question.THRESHOLD;
        title.setText(t.get(threshold ? UiKeys.AUTO_TOPUP_THRESHOLD_TITLE : UiKeys.AUTO_TOPUP_AMOUNT_TITLE));
        hint.setText(t.get(threshold ? UiKeys.AUTO_TOPUP_THRESHOLD_HINT : UiKeys.AUTO_TOPUP_AMOUNT_HINT));
        note.setText(threshold || v == null || v.threshold() == null ? ""
                : t.get(UiKeys.AUTO_TOPUP_AMOUNT_NOTE, v.threshold()));
        Ui.show(note, !note.getText().isEmpty());
        List<Money> choices = v == null ? List.of() : v.choices();
        if (!choices.equals(shown)) {
            shown.clear();
            shown.addAll(choices);
            buttons.clear();
            for (Money m : choices) {
                Button b = Ui.button((threshold ? "threshold-" : "amount-") + m.wholeUnits(), "money-choice");
                b.setMaxWidth(Double.MAX_VALUE);
                // A threshold tile reads "below" small over the amount large: the amount is what the eye looks for.
                Label prefix = Ui.label("money-choice-prefix");
                Label value = Ui.label("money-choice-value");
                value.setWrapText(false);
                VBox box = new VBox(prefix, value);
                box.setAlignment(Pos.CENTER);
                Ui.show(prefix, threshold);
                b.setGraphic(box);
                b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                b.setOnAction(e -> send.accept(new FlowCommand.ChooseAmount(m)));
                buttons.add(b);
            }
            arrange();
        }
        Money chosen = v == null ? null : threshold ? v.threshold() : v.amount();
        for (int i = 0; i < buttons.size(); i++) {
            Money m = shown.get(i);
            Button b = buttons.get(i);
            VBox box = (VBox) b.getGraphic();
            ((Label) box.getChildren().get(0)).setText(t.get(UiKeys.AUTO_TOPUP_THRESHOLD_TILE));
            ((Label) box.getChildren().get(1)).setText(t.money(m));
            b.setAccessibleText((threshold ? t.get(UiKeys.AUTO_TOPUP_THRESHOLD_TILE) + " " : "") + t.money(m));
            Ui.styleIf(b, "selected", m.equals(chosen));
        }
    }

    /** Two columns in portrait, and in landscape as many as keep all tiles on two rows. */
    private void arrange() {
        tiles.getChildren().clear();
        tiles.getColumnConstraints().clear();
        int columns = landscape ? Math.max(2, (buttons.size() + 1) / 2) : 2;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(c);
        }
        for (int i = 0; i < buttons.size(); i++) {
            tiles.add(buttons.get(i), i % columns, i / columns);
        }
    }

    @Override
    public void setLandscape(boolean landscape) {
        this.landscape = landscape;
        arrange();
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOver(null);
    }
}
