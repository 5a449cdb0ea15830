package org.topupkiosk.ui.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.service.NumberingInfo;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/**
 * The service menu: large buttons above, the chosen section's result in a card below; under the hint, the date of the
 * numbering plan the kiosk started with. Each section (devices, outbox,
 * journal, printer, receipts, cash box, exit) asks the {@link ServiceDesk} and draws the record it answers in the card.
 */
final class ServiceMenuPane extends VBox {

    private final MenuCard card;
    private final Label hint = Ui.label("hint");
    private final Label numbering = Ui.label("hint");
    private final NumberingInfo plan;
    private final List<Button> buttons = new ArrayList<>();
    private final List<String> buttonKeys = new ArrayList<>();
    private final GridPane grid = new GridPane();

    ServiceMenuPane(ServiceDesk desk, Executor fx, Runnable backToCustomers) {
        card = new MenuCard(fx);
        plan = desk.numberingPlan();
        numbering.setId("service-numbering");
        getStyleClass().addAll("column", "service-menu");
        setAlignment(Pos.TOP_CENTER);
        grid.getStyleClass().add("service-grid");
        grid.setAlignment(Pos.CENTER);
        add("service-devices", ServiceKeys.MENU_DEVICES, new DevicesSection(desk, card)::open);
        add("service-outbox", ServiceKeys.MENU_OUTBOX, new OutboxSection(desk, card)::open);
        add("service-journal", ServiceKeys.MENU_JOURNAL, new JournalSection(desk, card)::open);
        add("service-printer", ServiceKeys.MENU_PRINTER, new PrinterSection(desk, card)::open);
        add("service-receipts", ServiceKeys.MENU_RECEIPTS, new ReceiptsSection(desk, card)::open);
        add("service-encashment", ServiceKeys.MENU_ENCASHMENT, new EncashmentSection(desk, card)::open);
        add("service-fiscal", ServiceKeys.MENU_FISCAL, new FiscalSection(desk, card)::open);
        add("service-back", ServiceKeys.BACK_TO_CUSTOMERS, backToCustomers).getStyleClass().add("primary");
        add("service-exit", ServiceKeys.MENU_EXIT, new ExitSection(desk, card, this::reset)::open)
                .getStyleClass().add("danger");
        getChildren().addAll(hint, numbering, grid, card.node());
    }

    private Button add(String id, String key, Runnable action) {
        int index = buttons.size();
        Button b = Ui.button(id, "service-button");
        b.setOnAction(e -> action.run());
        b.setMaxWidth(Double.MAX_VALUE);
        b.setUserData(index);
        grid.add(b, index % 2, index / 2);
        buttons.add(b);
        buttonKeys.add(key);
        return b;
    }

    /**
     * Two columns of buttons when tall, four when wide (the section below gets the height back); three when tall with
     * more than eight buttons (the fiscal register's), so the grid keeps four rows and the section its height.
     */
    void setLandscape(boolean landscape) {
        int columns = landscape ? 4 : buttons.size() > 8 ? 3 : 2;
        Ui.styleIf(grid, "three-columns", columns == 3);
        grid.getChildren().clear();
        for (Button b : buttons) {
            int index = (Integer) b.getUserData();
            grid.add(b, index % columns, index / columns);
        }
    }

    /** Back to the menu's first look (after a login). */
    void reset() {
        card.show(t -> List.of());
    }

    void update(Texts t) {
        hint.setText(t.get(ServiceKeys.MENU_HINT));
        numbering.setText(plan.imported()
                ? t.get(ServiceKeys.NUMBERING_IMPORTED, plan.date().orElseThrow().toString(), plan.file(), plan.rows(),
                        plan.ranges())
                : t.get(ServiceKeys.NUMBERING_NOT_IMPORTED, plan.ranges()));
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setText(t.get(buttonKeys.get(i)));
        }
        card.update(t);
    }
}
