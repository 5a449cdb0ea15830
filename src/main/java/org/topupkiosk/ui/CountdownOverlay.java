package org.topupkiosk.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/** "Are you still there? 15" over the current screen, with one big Continue; it blocks taps on what lies beneath. */
final class CountdownOverlay extends StackPane {

    private final Label title = Ui.label("title");
    private final Label seconds = Ui.label("countdown-seconds");
    private final Label hint = Ui.label("hint");
    private final Button resume = Ui.button("countdown-continue", "huge-button", "primary");

    CountdownOverlay(Consumer<FlowCommand> send) {
        setId("countdown-overlay");
        getStyleClass().add("overlay");
        seconds.setId("countdown-seconds");
        resume.setMaxWidth(Double.MAX_VALUE);
        resume.setOnAction(e -> send.accept(new FlowCommand.StillHere()));
        VBox card = Ui.column(title, seconds, hint, resume);
        card.getStyleClass().addAll("card", "overlay-card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        setVisible(false);
    }

    void update(FlowSnapshot s, Texts t) {
        boolean on = s.countdown() != null;
        setVisible(on);
        if (on) {
            title.setText(t.get(UiKeys.COUNTDOWN_TITLE));
            seconds.setText(Integer.toString(Math.max(0, s.countdown())));
            hint.setText(t.get(UiKeys.COUNTDOWN_HINT));
            resume.setText(t.get(UiKeys.CONTINUE));
        }
    }
}
