package org.topupkiosk.ui.kit;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;

/**
 * A wait with nothing to press: checking the number, sending the payment, printing the receipt. The flow owns the
 * time-out; this only says what is happening.
 */
public final class ProgressScreen implements ScreenView {

    private final VBox root;
    private final String hintKey;
    private final Label title = Ui.label("title");
    private final Label detail = Ui.label("body", "strong");
    private final Label hint = Ui.label("hint");

    private final Function<FlowSnapshot, String> titleFor;

    public ProgressScreen(String titleKey, String hintKey) {
        this(s -> titleKey, hintKey);
    }

    /** A wait whose title depends on what is happening (the service in use). */
    public ProgressScreen(Function<FlowSnapshot, String> titleFor, String hintKey) {
        this.titleFor = titleFor;
        this.hintKey = hintKey;
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("big-progress");
        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        root = Ui.column(top, spinner, title, detail, hint, bottom);
    }

    private boolean startOver;

    /** The customer may give up the wait with "Start over" (nothing is paid yet while it runs). */
    public ProgressScreen withStartOver() {
        this.startOver = true;
        return this;
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return startOver ? new BarSpec(null, BarSpec.Action.of(UiKeys.START_OVER,
                new FlowCommand.StartOver()), null) : BarSpec.NONE;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(titleFor.apply(s)));
        hint.setText(t.get(hintKey));
        // While checking, the number being checked; later, the money on its way.
        String d = s.msisdn() != null ? s.msisdn().pretty() : "";
        if (s.toBalance() != null && s.msisdn() != null && s.toBalance().isPositive()) {
            d = t.money(s.toBalance()) + "  →  " + s.msisdn().masked();
        }
        detail.setText(d);
        Ui.show(detail, !d.isEmpty());
    }
}
