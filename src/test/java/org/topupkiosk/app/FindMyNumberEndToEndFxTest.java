package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.testing.VpcdReaderLock;
import org.topupkiosk.app.devicepanel.DevicePanel;
import org.topupkiosk.testing.ShippedConfig;
import org.topupkiosk.ui.KioskView;
import org.topupkiosk.ui.KioskWindow;

/**
 * Find my number in simulation mode, the whole graph: {@link KioskCore} as the kiosk builds it (journal, embedded
 * carrier simulator, the virtual SIM through pcscd's vpcd reader, or the memory slot where pcscd is absent, the
 * emulated printer), the kiosk screen and the device panel beside it. TestFX taps the screen and the panel's Insert
 * SIM; the panel's card goes into the reader the flow armed. Screens go to target/screenshots/walk/sim-e2e-*.png and
 * the printed slips, rendered by the printer emulator, to target/screenshots/receipts/.
 */
@ExtendWith({VpcdReaderLock.class, ApplicationExtension.class})
class FindMyNumberEndToEndFxTest {

    static {
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    private static final Path SHOTS = Path.of("target", "screenshots", "walk");
    private static final Path RECEIPTS = Path.of("target", "screenshots", "receipts");

    @TempDir
    Path dir;
    private Stage stage;
    private KioskCore core;
    private KioskView view;
    private FxRobot robot;
    private final List<PrintedReceipt> printed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (view != null) {
            view.dispose();
        }
        if (core != null) {
            core.close();
        }
    }

    private Path config() throws IOException {
        return ShippedConfig.copy(dir);
    }

    private void open(FxRobot robot) throws Exception {
        this.robot = robot;
        Path cfg = config();
        core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults());
        assertThat(core.simRig()).as("simulation has a virtual SIM").isNotNull();
        core.printerEmulator().onPrinted(printed::add);
        PanelSim sim = new PanelSim(core.simRig());
        robot.interact(() -> {
            view = new KioskView(core.flow(), core.messages());
            view.setAnimated(false);
            DevicePanel panel = new DevicePanel(new DevicePanel.Actions() {
                public void insertNote(long rubles) {}
                public void jam() {}
                public void cashBoxOut() {}
                public void clearFault() {}
                public void paperOut(boolean out) {}

                @Override
                public List<String> simProfiles() {
                    return sim.profiles();
                }

                @Override
                public void insertSim(String profile) {
                    sim.insert(profile);
                }

                @Override
                public void removeSim() {
                    sim.remove();
                }
            });
            KioskWindow.simulation(stage, view, panel, false);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        core.start();
        await(s -> s.screen() == Screen.IDLE);
    }

    private FlowSnapshot await(Predicate<FlowSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            FlowSnapshot s = core.flow().current();
            if (p.test(s)) {
                WaitForAsyncUtils.waitForFxEvents();
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the kiosk never got there; now " + core.flow().current());
    }

    private FlowSnapshot awaitScreen(Screen screen) throws InterruptedException {
        return await(s -> s.screen() == screen);
    }

    private void tap(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The device panel: choose the virtual card, press Insert SIM. */
    private void insertSim(String profile) {
        robot.interact(() -> robot.lookup("#device-sim-card").queryAs(ChoiceBox.class).getSelectionModel()
                .select(profile));
        tap("device-sim-insert");
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.snapshot(new SnapshotParameters(), null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", SHOTS.resolve("sim-e2e-" + name + ".png").toFile());
    }

    private String text(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void insertSimOnThePanelFindsTheNumberAndPrintsItInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        record Walk(Lang lang, String card, String number, String operatorName) {}
        List<Walk> walks = List.of(new Walk(Lang.RU, "usim-no-number", "+79521000004", "Т2"),
                new Walk(Lang.EN, "gsm-with-number", "+79161000001", "MTS"),
                new Walk(Lang.ZH, "gsm-no-number", "+79031000003", "比莱恩"));
        Files.createDirectories(RECEIPTS);
        for (Walk w : walks) {
            String lang = w.lang().code();
            tap("idle-start");
            awaitScreen(Screen.LANGUAGE);
            tap("lang-" + lang);
            awaitScreen(Screen.HOME);
            tap("service-find-number");
            awaitScreen(Screen.SIM_INSERT);
            shot("01-insert-" + lang);
            insertSim(w.card());
            FlowSnapshot s = awaitScreen(Screen.SIM_RESULT);
            shot("02-result-" + lang);
            Msisdn expected = Msisdn.of(w.number());
            assertThat(s.services().sim().number()).isEqualTo(expected);
            assertThat(s.services().sim().operatorConfirmed()).isTrue();
            assertThat(text("sim-number")).isEqualTo(expected.pretty());
            assertThat(text("sim-operator")).contains(w.operatorName());
            assertThat(robot.lookup("#sim-take-card").query().isVisible()).isTrue();

            int before = printed.size();
            tap("sim-print");
            await(x -> x.services() != null && x.services().sim() != null
                    && x.services().sim().slip() == FlowSnapshot.ReceiptState.PRINTED);
            shot("03-printed-" + lang);
            assertThat(printed).hasSize(before + 1);
            PrintedReceipt slip = printed.get(printed.size() - 1);
            assertThat(String.join("\n", slip.lines())).contains(expected.pretty());
            assertThat(slip.qrPayloads()).containsExactly("tel:" + expected.e164());
            assertThat(slip.png()).isNotNull().isRegularFile();
            Files.copy(slip.png(), RECEIPTS.resolve("number-slip-" + lang + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);

            tap("device-sim-remove");
            await(x -> x.services() != null && !x.services().sim().cardInSlot());
            assertThat(robot.lookup("#sim-take-card").query().isVisible()).isFalse();
            tap("bar-middle");
            awaitScreen(Screen.IDLE);
        }

        // A card the carrier does not know: a clear message, and typing the number instead.
        tap("idle-start");
        awaitScreen(Screen.LANGUAGE);
        tap("lang-en");
        awaitScreen(Screen.HOME);
        tap("service-find-number");
        awaitScreen(Screen.SIM_INSERT);
        insertSim("usim-unregistered");
        FlowSnapshot failed = awaitScreen(Screen.SIM_FAILED);
        shot("04-unknown-sim-en");
        assertThat(failed.services().sim().problemKey()).isEqualTo("sim.number.not_stored");
        assertThat(text("sim-problem")).isEqualTo(core.messages().get(Lang.EN, "sim.number.not_stored"));
        tap("bar-primary");
        awaitScreen(Screen.NUMBER_ENTRY);
        tap("device-sim-remove");
        await(x -> x.services() != null && !x.services().sim().cardInSlot());
        tap("bar-middle");
        awaitScreen(Screen.IDLE);

        assertThat(core.journal().verify().violations()).isEmpty();
        String audit = core.journal().recentAudit(List.of("sim_read", "sim_number_found", "sim_number_not_found"), 50)
                .stream().map(e -> e.kind() + " " + e.dataJson()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(audit).contains("sim_number_not_found").contains("unknown-sim")
                .doesNotContain("8970199000000000056").doesNotContain("89701200000000000070");
        Files.writeString(SHOTS.resolve("sim-e2e-path.txt"), (core.simRig().throughPcsc() ? "pcscd+vpcd" : "memory")
                + "\n", StandardCharsets.UTF_8);
        System.out.println("find my number end to end through " + (core.simRig().throughPcsc() ? "pcscd and vpcd"
                : "the memory slot (no pcscd)").toUpperCase(Locale.ROOT));
    }
}
