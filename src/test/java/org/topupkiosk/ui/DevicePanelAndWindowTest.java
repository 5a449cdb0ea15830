package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.app.devicepanel.DevicePanel;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;

/** The simulation's device panel forwards its buttons; the kiosk window swallows the keys that would leave it. */
@ExtendWith(ApplicationExtension.class)
class DevicePanelAndWindowTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private DevicePanel panel;
    private KioskView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        panel = new DevicePanel(new DevicePanel.Actions() {
            @Override
            public void insertNote(long rubles) {
                calls.add("note " + rubles);
            }

            @Override
            public void jam() {
                calls.add("jam");
            }

            @Override
            public void cashBoxOut() {
                calls.add("cash box out");
            }

            @Override
            public void clearFault() {
                calls.add("clear fault");
            }

            @Override
            public void paperOut(boolean out) {
                calls.add("paper out " + out);
            }
        });
        view = new KioskView(new FakeFlow(Snapshots.of(Screen.NUMBER_ENTRY, Lang.EN)), new Messages());
        view.setAnimated(false);
        KioskWindow.simulation(stage, view, panel, false);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void panelButtonsReachTheDevices(FxRobot robot) {
        robot.clickOn("#device-note-500").clickOn("#device-note-5000").clickOn("#device-jam")
                .clickOn("#device-cash-box-out").clickOn("#device-paper-out").clickOn("#device-paper-out");
        assertThat(calls).containsExactly("note 500", "note 5000", "jam", "cash box out", "paper out true",
                "paper out false");
    }

    @Test
    void receiptTextFromAnotherThreadShowsTheNewest(FxRobot robot) throws Exception {
        Thread printer = new Thread(() -> {
            panel.receiptSink().accept("first");
            panel.receiptSink().accept("MOBILE TOP-UP\nTo the balance 588 RUB");
        });
        printer.start();
        printer.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#device-receipt").queryAs(TextArea.class).getText())
                .isEqualTo("MOBILE TOP-UP\nTo the balance 588 RUB");
    }

    @Test
    void theEmulatedPrintersPngReplacesTheText(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var emu = new EscPosPrinterEmulator(dir, 576);
        emu.onPrinted(r -> panel.receiptImageSink().accept(r.png()));
        new EscPosPrinter(emu.memoryLink(),
                new ReceiptEncoder(
                        ReceiptEncoder.Options.defaults()),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1))
                .print(new Receipt("r", 42, List.of(new Receipt.Line(
                        "ЧЕК", Receipt.Style.CENTER_BOLD)), "https://topup.example/t/1"));
        WaitForAsyncUtils.waitForFxEvents();
        ImageView image = robot.lookup("#device-receipt-image").queryAs(ImageView.class);
        assertThat(image.getImage()).isNotNull();
        assertThat(image.getImage().getWidth()).isEqualTo(576 + 32);
        assertThat(robot.lookup("#device-receipt-scroll").query().isVisible()).isTrue();
        assertThat(robot.lookup("#device-receipt").queryAs(TextArea.class).isVisible()).isFalse();
    }

    @Test
    void simulationScalesTheKioskToFitAtItsAspectRatio() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getWidth()).isEqualTo(KioskView.DESIGN_WIDTH);
        assertThat(view.getHeight()).isEqualTo(KioskView.DESIGN_HEIGHT);
        ScaledScreen screen = (ScaledScreen) view.getParent();
        assertThat(screen.scale()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(view.getBoundsInParent().getHeight()).isLessThanOrEqualTo(screen.getHeight() + 0.5);
    }

    @Test
    void lockedWindowSwallowsEscapeAndAltF4AndRefusesToClose(FxRobot robot) {
        List<KeyCode> reached = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            StackPane root = new StackPane();
            root.addEventHandler(KeyEvent.KEY_PRESSED, e -> reached.add(e.getCode()));
            Scene scene = new Scene(root, 100, 100);
            Stage locked = new Stage();
            locked.setScene(scene);
            KioskWindow.lockDown(locked, scene);
            Event.fireEvent(root, key(KeyCode.ESCAPE, false));
            Event.fireEvent(root, key(KeyCode.F4, true));
            Event.fireEvent(root, key(KeyCode.DIGIT1, false));
            assertThat(locked.getOnCloseRequest()).isNotNull();
        });
        assertThat(reached).containsExactly(KeyCode.DIGIT1);
    }

    private static KeyEvent key(KeyCode code, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, alt, false);
    }
}
