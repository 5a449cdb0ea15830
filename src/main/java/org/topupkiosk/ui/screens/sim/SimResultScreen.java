package org.topupkiosk.ui.screens.sim;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.TextAlignment;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.SplitScreen;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;
import org.topupkiosk.ui.screens.home.HomeScreen;

/**
 * The customer's own number, in full and large (they hold the card it came from), the operator and whether the
 * carrier confirmed it, then what to do with it: top up (the primary action), check the balance, print it on a slip.
 */
public final class SimResultScreen extends SplitScreen {

    private final Label number = Ui.label("sim-number");
    private final Circle brand = new Circle(20);
    private final Label operator = Ui.label("amount-large", "sim-operator");
    private final Label operatorNote = Ui.label("body", "muted");
    private final Label source = Ui.label("body", "muted");
    /** A printer with a slip coming out. */
    static final String ICON_PRINT = "M14 0 H50 V18 H14 Z M4 22 H60 A4 4 0 0 1 64 26 V48 H52 V40 H12 V48 H0 V26 "
            + "A4 4 0 0 1 4 22 Z M12 44 H52 V64 H12 Z M18 50 H46 V54 H18 Z M18 57 H40 V61 H18 Z";

    private final Button balance = Ui.button("sim-balance", "sim-action");
    private final Button print = Ui.button("sim-print", "sim-action");
    private final SimReminder reminder = new SimReminder();

    public SimResultScreen(Consumer<FlowCommand> send) {
        number.setId("sim-number");
        number.setWrapText(false);
        operator.setId("sim-operator");
        operator.setGraphic(brand);
        operator.setGraphicTextGap(20);
        brand.getStyleClass().add("sim-brand");
        source.setId("sim-source");
        balance.setOnAction(e -> send.accept(new FlowCommand.ChooseService(Service.BALANCE)));
        print.setOnAction(e -> send.accept(new FlowCommand.PrintNumber()));
        balance.setGraphic(Ui.icon(HomeScreen.ICON_BALANCE, "sim-action-icon"));
        print.setGraphic(Ui.icon(ICON_PRINT, "sim-action-icon"));
        for (Button b : new Button[] {balance, print}) {
            b.setContentDisplay(ContentDisplay.TOP);
            b.setGraphicTextGap(16);
            b.setTextAlignment(TextAlignment.CENTER);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        VBox card = Ui.column(number, operator, operatorNote, source);
        card.getStyleClass().addAll("card", "sim-card-box");
        HBox actions = new HBox(balance, print);
        actions.getStyleClass().add("sim-actions");
        VBox lower = Ui.column(actions, reminder.node());
        lower.getStyleClass().add("sim-lower");
        split(Ui.column(title, card), lower);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        SimLookupView v = s.services() == null ? null : s.services().sim();
        title.setText(t.get(UiKeys.SIM_RESULT_TITLE));
        number.setText(v == null || v.number() == null ? "" : v.number().pretty());
        boolean known = v != null && v.operatorName() != null;
        operator.setText(!known ? t.get(UiKeys.SIM_OPERATOR_UNKNOWN)
                : t.get(UiKeys.SIM_OPERATOR, v.operatorName()));
        Ui.styleIf(operator, "amount-large", known);
        Ui.styleIf(operator, "body", !known);
        brand.setVisible(known);
        brand.setManaged(known);
        if (known) {
            brand.setStyle("-fx-fill: " + (v.operatorColor() == null ? "#4B5563" : v.operatorColor()) + ";");
        }
        operatorNote.setText(known && !v.operatorConfirmed()
                ? t.get(UiKeys.SIM_OPERATOR_HINT) : "");
        Ui.show(operatorNote, known && !v.operatorConfirmed());
        source.setText(t.get(v != null && v.fromCard() ? UiKeys.SIM_FROM_CARD : UiKeys.SIM_FROM_CARRIER));
        balance.setText(t.get(UiKeys.SIM_BALANCE));
        // The balance is asked of the carrier: a gateway without it (OSMP) gets no button.
        Ui.show(balance, s.services() == null || s.services().offers(Service.BALANCE));
        boolean printed = v != null && v.slip() == FlowSnapshot.ReceiptState.PRINTED;
        print.setText(t.get(printed ? UiKeys.SIM_PRINTED : UiKeys.SIM_PRINT));
        print.setDisable(v == null || !v.canPrint());
        reminder.update(s, t);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(
                BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.DONE, new FlowCommand.Finish()),
                BarSpec.Action.of(UiKeys.SIM_TOP_UP, new FlowCommand.ChooseService(Service.TOPUP)));
    }
}
