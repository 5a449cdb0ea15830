package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.i18n.Messages;

/**
 * The home tiles for any set of offered services: only those tiles, the same size as their neighbours, a last row
 * that is not full centred (no hole at the right), nothing overlapping, and each tile sends its own service.
 */
@ExtendWith(ApplicationExtension.class)
class HomeTilesLayoutTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private static final List<String> IDS = List.of("service-topup", "service-package", "service-balance",
            "service-voucher", "service-epin", "service-esim", "service-find-number", "service-auto-topup",
            "service-history");

    private FakeFlow flow;
    private KioskView view;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.EN));
        view = new KioskView(flow, new Messages());
        view.setAnimated(false);
        scene = new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
        stage.setScene(scene);
        stage.show();
    }

    private void home(FxRobot robot, Set<Service> offered, boolean landscape) {
        robot.interact(() -> {
            view.setLandscape(landscape);
            scene.setRoot(new Group());
            scene = landscape ? new Scene(view, KioskView.DESIGN_HEIGHT, KioskView.DESIGN_WIDTH)
                    : new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
            stage.setScene(scene);
        });
        Snapshots.Builder b = Snapshots.builder(Screen.HOME, Lang.EN);
        b.services = new ServicesView(null, List.of(), null, null, null, List.of(), 0, 1, null, "", 0, null, null,
                null, null, null, null, null, offered);
        flow.push(b.build());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
        });
    }

    private List<Bounds> visibleTiles() {
        return FxTestSupport.visibleNodes(view).stream()
                .filter(n -> n instanceof Button && IDS.contains(n.getId()))
                .map(n -> n.localToScene(n.getLayoutBounds())).toList();
    }

    private Bounds bounds(String id) {
        Node n = view.lookup("#" + id);
        return n.localToScene(n.getLayoutBounds());
    }

    private static void assertNoOverlap(List<Bounds> tiles) {
        for (int i = 0; i < tiles.size(); i++) {
            for (int j = i + 1; j < tiles.size(); j++) {
                Bounds a = tiles.get(i);
                Bounds c = tiles.get(j);
                boolean apart = a.getMaxX() <= c.getMinX() || c.getMaxX() <= a.getMinX()
                        || a.getMaxY() <= c.getMinY() || c.getMaxY() <= a.getMinY();
                assertThat(apart).as(a + " and " + c).isTrue();
            }
        }
    }

    @Test
    void portraitWithAnOddTileCentresTheLastRow(FxRobot robot) {
        home(robot, EnumSet.of(Service.TOPUP, Service.PACKAGE, Service.BALANCE, Service.VOUCHER), false);
        List<Bounds> tiles = visibleTiles();
        assertThat(tiles).hasSize(4);
        assertNoOverlap(tiles);
        Bounds topUp = bounds("service-topup");
        Bounds pack = bounds("service-package");
        Bounds balance = bounds("service-balance");
        Bounds voucher = bounds("service-voucher");
        assertThat(pack.getMinY()).isEqualTo(balance.getMinY());
        assertThat(voucher.getMinY()).isGreaterThan(pack.getMaxY());
        assertThat(voucher.getWidth()).as("as wide as its neighbours").isCloseTo(pack.getWidth(), within(2));
        double left = voucher.getMinX() - topUp.getMinX();
        double right = topUp.getMaxX() - voucher.getMaxX();
        assertThat(left).as("centred under the row above").isCloseTo(right, within(4)).isGreaterThan(100);
        robot.clickOn("#service-voucher");
        assertThat(flow.commands).contains(new FlowCommand.ChooseService(Service.VOUCHER));
    }

    @Test
    void landscapeWithFourTilesPutsThreeThenOneCentred(FxRobot robot) {
        home(robot, EnumSet.of(Service.TOPUP, Service.BALANCE, Service.EPIN, Service.HISTORY), true);
        List<Bounds> tiles = visibleTiles();
        assertThat(tiles).hasSize(4);
        assertNoOverlap(tiles);
        Bounds first = bounds("service-topup");
        Bounds third = bounds("service-epin");
        Bounds last = bounds("service-history");
        assertThat(first.getMinY()).isEqualTo(third.getMinY());
        assertThat(last.getWidth()).isCloseTo(first.getWidth(), within(2));
        double middle = (first.getMinX() + third.getMaxX()) / 2;
        assertThat((last.getMinX() + last.getMaxX()) / 2).as("centred").isCloseTo(middle, within(4));
    }

    @Test
    void everyServiceIsTheNineTilesAsBefore(FxRobot robot) {
        home(robot, EnumSet.allOf(Service.class), false);
        assertThat(visibleTiles()).hasSize(9);
        assertNoOverlap(visibleTiles());
        home(robot, EnumSet.allOf(Service.class), true);
        List<Bounds> tiles = visibleTiles();
        assertThat(tiles).hasSize(9);
        assertNoOverlap(tiles);
        assertThat(tiles.stream().map(Bounds::getMinY).distinct().count()).as("three rows of three").isEqualTo(3);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
