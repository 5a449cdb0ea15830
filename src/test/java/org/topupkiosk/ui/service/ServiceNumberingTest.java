package org.topupkiosk.ui.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.NumberingImport;
import org.topupkiosk.config.RegistryFiles;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.ops.SimulatedKiosk;
import org.topupkiosk.service.ConsoleServiceDesk;
import org.topupkiosk.ui.FlowUiAdapter;
import org.topupkiosk.ui.KioskView;

/**
 * The service menu shows the date of the numbering plan: a registry imported with {@code kioskctl numbering import}
 * into the simulated kiosk's configuration, the plan read back as the kiosk reads it at start, the menu opened by taps
 * and read in Russian, English and Chinese; and a plan never imported says its date is unknown.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceNumberingTest {

    static {
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    private static final String PIN = "258046";

    @TempDir
    static Path registry;
    @TempDir
    Path dir;
    static NumberingPlan imported;
    SimulatedKiosk k;
    Stage stage;

    /** A registry imported with kioskctl's import into a copy of the configuration, read back as the kiosk reads it. */
    @BeforeAll
    static void importRegistry() throws Exception {
        Path config = RegistryFiles.copyConfig(registry);
        KioskConfig cfg = ConfigLoader.loadKioskConfig(config);
        Path file = RegistryFiles.write(registry.resolve("DEF-9xx.csv"), RegistryFiles.generate(5, 20),
                StandardCharsets.UTF_8, true, "\r\n");
        new NumberingImport(ConfigLoader.numberingLoader(cfg, ConfigLoader.loadCatalog(cfg.catalogFile())),
                Clock.systemUTC()).run(file, cfg.numberingFile(), LocalDate.of(2026, 12, 1));
        imported = ConfigLoader.load(config).numbering();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        k = new SimulatedKiosk(dir, PIN, Clock.systemUTC());
        show(imported);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** The kiosk screen with the service menu over it, its desk reporting {@code plan} as KioskApp wires it. */
    private void show(NumberingPlan plan) {
        KioskView view = new KioskView(k.core.flow(), k.core.messages());
        view.setAnimated(false);
        ServiceView service = new ServiceView(new ConsoleServiceDesk(k.console, plan), k.core.messages(), Lang.EN,
                FlowUiAdapter.fxThread());
        view.addLayer(ServiceGesture.target(service::open));
        view.addLayer(service);
        stage.setScene(new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT));
    }

    @AfterEach
    void tearDown() {
        if (k != null) {
            k.close();
        }
    }

    private void login(FxRobot robot) throws Exception {
        for (int i = 0; i < ServiceGesture.TAPS; i++) {
            robot.clickOn("#service-corner");
        }
        for (char c : PIN.toCharArray()) {
            robot.clickOn("#service-pin-" + c);
        }
        robot.clickOn("#service-pin-enter");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown(robot, "service-numbering"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).tryQuery().orElse(null);
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n != null && n.getScene() != null;
    }

    private static String numbering(FxRobot robot) {
        return robot.lookup("#service-numbering").queryAs(Labeled.class).getText();
    }

    @Test
    void theMenuShowsTheImportedPlansDateInEveryLanguage(FxRobot robot) throws Exception {
        assertThat(imported.source()).isPresent();
        String rows = String.valueOf(imported.source().orElseThrow().rows());
        login(robot);
        assertThat(numbering(robot)).startsWith("Numbering plan of 2026-12-01: DEF-9xx.csv, ")
                .contains(rows.substring(rows.length() - 3) + " rows");
        robot.clickOn("#service-lang-ru");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(numbering(robot)).startsWith("План нумерации от 2026-12-01: DEF-9xx.csv, строк: ");
        robot.clickOn("#service-lang-zh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(numbering(robot)).startsWith("号码段计划日期 2026-12-01：DEF-9xx.csv，");
    }

    @Test
    void aPlanNeverImportedSaysItsDateIsUnknown(FxRobot robot) throws Exception {
        NumberingPlan started = k.core.config().numbering(); // the shipped sample, put in place by hand
        assertThat(started.source()).isEmpty();
        robot.interact(() -> show(started));
        login(robot);
        assertThat(numbering(robot)).isEqualTo("Numbering plan: date unknown (not imported with kioskctl numbering "
                + "import), 41 ranges");
        robot.clickOn("#service-lang-ru");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(numbering(robot)).contains("дата неизвестна", "диапазонов: 41");
    }
}
