package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.testing.NarrowedGateway;
import org.topupkiosk.ui.FxTestSupport;
import org.topupkiosk.ui.KioskView;

/**
 * The home screen of a real flow (journal, REST adapter on the carrier simulator over loopback) as the kiosk view
 * shows it, under the full REST gateway and under one narrowed to what the OSMP adapter answers, in every language and
 * both shapes. Saved as target/screenshots/osmp/home-&lt;variant&gt;-&lt;lang&gt;.png. Checked: only the offered tiles are
 * on screen, each a large touch target, one or two of them centred (no holes), and a tap on top-up starts it.
 */
@ExtendWith(ApplicationExtension.class)
class CapabilitiesHomeFxTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private static final Path OUT = Path.of("target", "screenshots", "osmp");
    private static final List<String> ALL_TILES = List.of("service-topup", "service-package", "service-balance",
            "service-voucher", "service-epin", "service-esim", "service-find-number", "service-auto-topup",
            "service-history");

    private Stage stage;
    private FlowFixture k;
    private KioskView view;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setX(0);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        if (k != null) {
            k.close();
        }
    }

    private void open(FxRobot robot, boolean osmp, boolean simReader, boolean landscape) throws Exception {
        this.robot = robot;
        k = new FlowFixture(Files.createTempDirectory("home"));
        CarrierGateway gateway = osmp ? new NarrowedGateway(k.carrier, NarrowedGateway.OSMP) : k.carrier;
        k.gateway = gateway;
        k.flow = k.newFlow();
        if (simReader) {
            k.flow.attachSimReader(new FindMyNumberFlowTest.FakeReader());
        }
        robot.interact(() -> {
            view = new KioskView(k.flow, new Messages());
            view.setAnimated(false);
            view.setLandscape(landscape);
            stage.setScene(landscape ? new Scene(view, KioskView.DESIGN_HEIGHT, KioskView.DESIGN_WIDTH)
                    : new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT));
            stage.sizeToScene();
            stage.show();
        });
        k.cmd(new FlowCommand.Start());
        settle();
    }

    private void settle() {
        k.exec.runPending();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void home(Lang lang) {
        k.cmd(new FlowCommand.SetLanguage(lang));
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        settle();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
        });
    }

    /** The service tiles a customer can see and touch. */
    private Set<String> visibleTiles() {
        Set<String> out = new TreeSet<>();
        for (Node n : FxTestSupport.visibleNodes(view)) {
            if (n instanceof Button b && b.getId() != null && ALL_TILES.contains(b.getId()) && b.getScene() != null) {
                out.add(b.getId());
            }
        }
        return out;
    }

    private Bounds bounds(String id) {
        Node n = view.lookup("#" + id);
        return n.localToScene(n.getLayoutBounds());
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(OUT);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.snapshot(new SnapshotParameters(), null));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        Path file = OUT.resolve(name + ".png");
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(SwingFXUtils.fromFXImage(img[0], null), null, null), param);
        } finally {
            writer.dispose();
        }
        assertThat(file).isNotEmptyFile();
    }

    /** One or two tiles: big, inside the screen, centred across it, and not crowded under the title. */
    private void assertLargeAndCentred(List<String> tiles, boolean landscape) {
        double width = landscape ? KioskView.DESIGN_HEIGHT : KioskView.DESIGN_WIDTH;
        double height = landscape ? KioskView.DESIGN_WIDTH : KioskView.DESIGN_HEIGHT;
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (String id : tiles) {
            Bounds b = bounds(id);
            assertThat(b.getHeight()).as(id + " height").isGreaterThanOrEqualTo(400);
            assertThat(b.getWidth()).as(id + " width").isGreaterThanOrEqualTo(600);
            minX = Math.min(minX, b.getMinX());
            maxX = Math.max(maxX, b.getMaxX());
            minY = Math.min(minY, b.getMinY());
            maxY = Math.max(maxY, b.getMaxY());
        }
        assertThat(maxX).isLessThanOrEqualTo(width);
        assertThat(maxY).isLessThanOrEqualTo(height);
        assertThat(Math.abs(minX - (width - maxX))).as("centred across").isLessThan(8);
        double centre = (minY + maxY) / 2;
        assertThat(centre).as("centred in the free height, not stuck under the title")
                .isBetween(height * 0.35, height * 0.65);
    }

    @Test
    void osmpHomeInEveryLanguagePortrait(FxRobot robot) throws Exception {
        open(robot, true, true, false);
        List<String> problems = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            home(lang);
            assertThat(visibleTiles()).as(lang.code()).containsExactly("service-find-number", "service-topup");
            assertLargeAndCentred(List.of("service-topup", "service-find-number"), false);
            assertThat(bounds("service-topup").getMaxY()).as("top-up first")
                    .isLessThan(bounds("service-find-number").getMinY());
            shot("home-" + lang.code());
            k.cmd(new FlowCommand.Back()); // back to the language screen
            assertThat(k.snap().screen()).isEqualTo(Screen.LANGUAGE);
        }
        assertThat(problems).isEmpty();
        home(Lang.EN);
        robot.clickOn("#service-topup");
        settle();
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
    }

    @Test
    void osmpHomeInEveryLanguageLandscape(FxRobot robot) throws Exception {
        open(robot, true, true, true);
        for (Lang lang : Lang.values()) {
            home(lang);
            assertThat(visibleTiles()).as(lang.code()).containsExactly("service-find-number", "service-topup");
            assertLargeAndCentred(List.of("service-topup", "service-find-number"), true);
            shot("home-landscape-" + lang.code());
            k.cmd(new FlowCommand.Back());
        }
    }

    @Test
    void osmpHomeWithoutASimReaderIsTheTopUpTileAlone(FxRobot robot) throws Exception {
        open(robot, true, false, false);
        for (Lang lang : Lang.values()) {
            home(lang);
            assertThat(visibleTiles()).as(lang.code()).containsExactly("service-topup");
            assertLargeAndCentred(List.of("service-topup"), false);
            shot("home-no-reader-" + lang.code());
            k.cmd(new FlowCommand.Back());
        }
    }

    @Test
    void restHomeShowsEveryServiceAsBefore(FxRobot robot) throws Exception {
        open(robot, false, true, false);
        home(Lang.EN);
        assertThat(visibleTiles()).containsExactlyInAnyOrderElementsOf(ALL_TILES);
        for (String id : ALL_TILES) {
            assertThat(bounds(id).getHeight()).as(id).isGreaterThanOrEqualTo(200);
            assertThat(bounds(id).getMaxY()).as(id + " on screen").isLessThanOrEqualTo(KioskView.DESIGN_HEIGHT);
        }
        // Portrait as before: top-up across the first row, then two to a row.
        assertThat(bounds("service-topup").getWidth()).isGreaterThan(bounds("service-package").getWidth() * 1.8);
        assertThat(bounds("service-package").getMinY()).isEqualTo(bounds("service-balance").getMinY());
        shot("rest-home-en");
    }
}
