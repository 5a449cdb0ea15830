package org.topupkiosk.ui.screens;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.Service;
import org.topupkiosk.ui.UiKeys;

/**
 * The services, as large tiles after the language: top up, packages, balance, scratch card. Two columns in both
 * shapes, so later services (e-PIN, eSIM, auto top-up, find my number) add rows without changing the tiles.
 */
public final class HomeScreen implements ScreenView {

    static final String ICON_TOPUP = "M14 0 H42 A6 6 0 0 1 48 6 V58 A6 6 0 0 1 42 64 H14 A6 6 0 0 1 8 58 V6 A6 6 0 0 1 14 0 Z "
            + "M14 8 V50 H42 V8 Z M25 22 H31 V28 H37 V34 H31 V40 H25 V34 H19 V28 H25 Z";
    static final String ICON_PACKAGE = "M32 0 L62 14 V48 L32 64 L2 48 V14 Z M32 8 L12 17 L32 26 L52 17 Z "
            + "M8 22 V44 L29 55 V32 Z M56 22 L35 32 V55 L56 44 Z";
    static final String ICON_BALANCE = "M32 0 A32 32 0 1 0 32.01 0 Z M32 6 A26 26 0 1 1 31.99 6 Z "
            + "M24 14 H36 A10 10 0 0 1 36 34 H30 V38 H40 V43 H30 V50 H24 V43 H19 V38 H24 V34 H19 V29 H24 Z "
            + "M30 19 V29 H36 A5 5 0 0 0 36 19 Z";
    static final String ICON_VOUCHER = "M0 12 H64 V26 A6 6 0 0 0 64 38 V52 H0 V38 A6 6 0 0 0 0 26 Z "
            + "M8 20 V44 H56 V20 Z M14 28 H50 V36 H14 Z";

    private final VBox root;
    private final Label title = Ui.label("title");
    private final GridPane tiles = new GridPane();
    private final Map<Service, ServiceTile> byService = new EnumMap<>(Service.class);

    public HomeScreen(Consumer<FlowCommand> send) {
        tiles.getStyleClass().add("service-tiles");
        tiles.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tile(Service.TOPUP, "service-topup", ICON_TOPUP, send, 0, 0);
        tile(Service.PACKAGE, "service-package", ICON_PACKAGE, send, 1, 0);
        tile(Service.BALANCE, "service-balance", ICON_BALANCE, send, 0, 1);
        tile(Service.VOUCHER, "service-voucher", ICON_VOUCHER, send, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(c);
        }
        root = Ui.column(title, tiles);
        root.getStyleClass().add("home");
    }

    private void tile(Service service, String id, String icon, Consumer<FlowCommand> send, int col, int row) {
        ServiceTile t = new ServiceTile(id, icon);
        t.button().setOnAction(e -> send.accept(new FlowCommand.ChooseService(service)));
        byService.put(service, t);
        tiles.add(t.button(), col, row);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        title.setText(t.get(UiKeys.HOME_TITLE));
        byService.get(Service.TOPUP).setText(t.get(UiKeys.SERVICE_TOPUP), t.get(UiKeys.SERVICE_TOPUP_HINT));
        byService.get(Service.PACKAGE).setText(t.get(UiKeys.SERVICE_PACKAGE), t.get(UiKeys.SERVICE_PACKAGE_HINT));
        byService.get(Service.BALANCE).setText(t.get(UiKeys.SERVICE_BALANCE), t.get(UiKeys.SERVICE_BALANCE_HINT));
        byService.get(Service.VOUCHER).setText(t.get(UiKeys.SERVICE_VOUCHER), t.get(UiKeys.SERVICE_VOUCHER_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return new BarSpec(BarSpec.Action.of(UiKeys.BACK, new FlowCommand.Back()),
                BarSpec.Action.of(UiKeys.START_OVER, new FlowCommand.StartOver()), null);
    }
}
