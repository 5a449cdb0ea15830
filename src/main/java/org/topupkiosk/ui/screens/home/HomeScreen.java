package org.topupkiosk.ui.screens.home;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ScreenView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * The services, as large tiles after the language. Top-up, the one most customers come for, spans the first row in
 * portrait; the others follow two to a row. Landscape puts all nine in three rows of three, so nothing scrolls in
 * either shape. Only the services the snapshot offers get a tile (the carrier gateway's capabilities decide).
 */
public final class HomeScreen implements ScreenView {

    public static final String ICON_TOPUP = "M14 0 H42 A6 6 0 0 1 48 6 V58 A6 6 0 0 1 42 64 H14 A6 6 0 0 1 8 58 V6 A6 6 0 0 1 14 0 Z "
            + "M14 8 V50 H42 V8 Z M25 22 H31 V28 H37 V34 H31 V40 H25 V34 H19 V28 H25 Z";
    public static final String ICON_PACKAGE = "M32 0 L62 14 V48 L32 64 L2 48 V14 Z M32 8 L12 17 L32 26 L52 17 Z "
            + "M8 22 V44 L29 55 V32 Z M56 22 L35 32 V55 L56 44 Z";
    public static final String ICON_BALANCE = "M32 0 A32 32 0 1 0 32.01 0 Z M32 6 A26 26 0 1 1 31.99 6 Z "
            + "M24 14 H36 A10 10 0 0 1 36 34 H30 V38 H40 V43 H30 V50 H24 V43 H19 V38 H24 V34 H19 V29 H24 Z "
            + "M30 19 V29 H36 A5 5 0 0 0 36 19 Z";
    public static final String ICON_VOUCHER = "M0 12 H64 V26 A6 6 0 0 0 64 38 V52 H0 V38 A6 6 0 0 0 0 26 Z "
            + "M8 20 V44 H56 V20 Z M14 28 H50 V36 H14 Z";
    /** A torn-off slip with the PIN's asterisks. */
    public static final String ICON_EPIN = "M8 0 H56 V64 L48 58 L40 64 L32 58 L24 64 L16 58 L8 64 Z "
            + "M15 18 H25 V30 H15 Z M27 18 H37 V30 H27 Z M39 18 H49 V30 H39 Z M15 40 H49 V45 H15 Z";
    /** A chip with its contacts: the SIM that lives inside the phone. */
    public static final String ICON_ESIM = "M16 8 H48 A8 8 0 0 1 56 16 V48 A8 8 0 0 1 48 56 H16 A8 8 0 0 1 8 48 V16 A8 8 0 0 1 16 8 Z "
            + "M20 20 H44 V44 H20 Z M0 20 H8 V25 H0 Z M0 30 H8 V35 H0 Z M0 40 H8 V45 H0 Z "
            + "M56 20 H64 V25 H56 Z M56 30 H64 V35 H56 Z M56 40 H64 V45 H56 Z";
    /** A SIM card with its cut corner and contact pad. */
    public static final String ICON_FIND_NUMBER = "M8 0 H44 L56 12 V64 H8 Z M18 28 H46 V54 H18 Z M24 34 H40 V48 H24 Z";
    /** A ring with an arrow head and a plus: money that comes back by itself. */
    public static final String ICON_AUTO_TOPUP = "M32 4 A28 28 0 1 0 32.01 4 Z M32 12 A20 20 0 1 1 31.99 12 Z "
            + "M44 0 L62 6 L48 20 Z M28 20 H36 V28 H44 V36 H36 V44 H28 V36 H20 V28 H28 Z";
    /** A list: earlier payments, one to a line. */
    public static final String ICON_HISTORY = "M4 8 H14 V18 H4 Z M20 8 H60 V18 H20 Z M4 27 H14 V37 H4 Z M20 27 H60 V37 H20 Z "
            + "M4 46 H14 V56 H4 Z M20 46 H60 V56 H20 Z";

    /** The tiles in reading order. */
    /** Landscape: the width of each of one or two tiles, so a single tile is not a 1,800-pixel bar. */
    private static final double FEW_TILE_WIDTH = 760;

    private static final List<Service> ORDER = List.of(Service.TOPUP, Service.PACKAGE, Service.BALANCE,
            Service.VOUCHER, Service.EPIN, Service.ESIM, Service.FIND_NUMBER, Service.AUTO_TOPUP, Service.HISTORY);

    private final VBox root;
    private final Label title = Ui.label("title");
    private final GridPane tiles = new GridPane();
    /** Holds the tiles below the title; centres one or two of them in the free height. */
    private final VBox area = new VBox();
    private final Map<Service, ServiceTile> byService = new EnumMap<>(Service.class);
    private boolean landscape;
    /** The services the tiles show now: what the flow says the carrier gateway (and the SIM reader) can do. */
    private Set<Service> shown = EnumSet.allOf(Service.class);

    public HomeScreen(Consumer<FlowCommand> send) {
        tiles.getStyleClass().add("service-tiles");
        tiles.setMaxHeight(Region.USE_PREF_SIZE);
        tile(Service.TOPUP, "service-topup", ICON_TOPUP, send);
        tile(Service.PACKAGE, "service-package", ICON_PACKAGE, send);
        tile(Service.BALANCE, "service-balance", ICON_BALANCE, send);
        tile(Service.VOUCHER, "service-voucher", ICON_VOUCHER, send);
        tile(Service.EPIN, "service-epin", ICON_EPIN, send);
        tile(Service.ESIM, "service-esim", ICON_ESIM, send);
        tile(Service.FIND_NUMBER, "service-find-number", ICON_FIND_NUMBER, send);
        tile(Service.AUTO_TOPUP, "service-auto-topup", ICON_AUTO_TOPUP, send);
        tile(Service.HISTORY, "service-history", ICON_HISTORY, send);
        area.getChildren().add(tiles);
        area.setFillWidth(true);
        VBox.setVgrow(area, Priority.ALWAYS);
        arrange();
        root = Ui.column(title, area);
        root.getStyleClass().add("home");
    }

    private void tile(Service service, String id, String icon, Consumer<FlowCommand> send) {
        ServiceTile t = new ServiceTile(id, icon);
        t.button().setOnAction(e -> send.accept(new FlowCommand.ChooseService(service)));
        byService.put(service, t);
    }

    /**
     * Only the offered services get tiles, so a narrow gateway (OSMP: top-up alone) leaves no holes. Portrait: two
     * columns, top-up across both; landscape: three columns. A last row that is not full is centred, its tiles as wide
     * as the others (each tile spans two of twice as many grid columns). One or two tiles ("few") are larger, one per
     * row in portrait and side by side in landscape, centred in the free height.
     */
    private void arrange() {
        tiles.getChildren().clear();
        tiles.getColumnConstraints().clear();
        List<Service> order = ORDER.stream().filter(shown::contains).toList();
        boolean few = order.size() <= 2;
        Ui.styleIf(tiles, "few", few);
        area.setAlignment(few ? Pos.CENTER : Pos.TOP_CENTER);
        if (few) {
            int columns = landscape ? Math.max(1, order.size()) : 1;
            columns(columns);
            for (int i = 0; i < order.size(); i++) {
                Button b = byService.get(order.get(i)).button();
                GridPane.clearConstraints(b);
                tiles.add(b, landscape ? i : 0, landscape ? 0 : i);
            }
            tiles.setMaxWidth(landscape ? FEW_TILE_WIDTH * columns : Double.MAX_VALUE);
            return;
        }
        tiles.setMaxWidth(Double.MAX_VALUE);
        int columns = landscape ? 3 : 2;
        columns(columns * 2);
        int row = 0;
        List<Service> rest = order;
        if (!landscape && order.get(0) == Service.TOPUP) {
            Button b = byService.get(Service.TOPUP).button();
            GridPane.clearConstraints(b);
            tiles.add(b, 0, 0, columns * 2, 1);
            row = 1;
            rest = order.subList(1, order.size());
        }
        for (int i = 0; i < rest.size(); i++) {
            Button b = byService.get(rest.get(i)).button();
            GridPane.clearConstraints(b);
            int col = i % columns;
            int inRow = Math.min(columns, rest.size() - (i - col));
            tiles.add(b, (columns - inRow) + col * 2, row + i / columns, 2, 1);
        }
    }

    private void columns(int n) {
        for (int i = 0; i < n; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / n);
            c.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(c);
        }
    }

    @Override
    public void setLandscape(boolean landscape) {
        this.landscape = landscape;
        arrange();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        Set<Service> offered = s.services() == null ? EnumSet.allOf(Service.class) : s.services().offered();
        if (!offered.equals(shown)) {
            shown = offered.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(offered);
            arrange();
        }
        title.setText(t.get(UiKeys.HOME_TITLE));
        byService.get(Service.TOPUP).setText(t.get(UiKeys.SERVICE_TOPUP), t.get(UiKeys.SERVICE_TOPUP_HINT));
        byService.get(Service.PACKAGE).setText(t.get(UiKeys.SERVICE_PACKAGE), t.get(UiKeys.SERVICE_PACKAGE_HINT));
        byService.get(Service.BALANCE).setText(t.get(UiKeys.SERVICE_BALANCE), t.get(UiKeys.SERVICE_BALANCE_HINT));
        byService.get(Service.VOUCHER).setText(t.get(UiKeys.SERVICE_VOUCHER), t.get(UiKeys.SERVICE_VOUCHER_HINT));
        byService.get(Service.EPIN).setText(t.get(UiKeys.SERVICE_EPIN), t.get(UiKeys.SERVICE_EPIN_HINT));
        byService.get(Service.ESIM).setText(t.get(UiKeys.SERVICE_ESIM), t.get(UiKeys.SERVICE_ESIM_HINT));
        byService.get(Service.FIND_NUMBER).setText(t.get(UiKeys.SERVICE_FIND_NUMBER),
                t.get(UiKeys.SERVICE_FIND_NUMBER_HINT));
        byService.get(Service.AUTO_TOPUP).setText(t.get(UiKeys.SERVICE_AUTO_TOPUP),
                t.get(UiKeys.SERVICE_AUTO_TOPUP_HINT));
        byService.get(Service.HISTORY).setText(t.get(UiKeys.SERVICE_HISTORY), t.get(UiKeys.SERVICE_HISTORY_HINT));
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOver(null);
    }
}
