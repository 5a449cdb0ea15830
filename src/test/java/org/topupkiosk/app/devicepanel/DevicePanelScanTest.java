package org.topupkiosk.app.devicepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.topupkiosk.device.emulator.scanner.ScanSample;

/** The device panel's scanner row: pick a sample, press Scan, the sample goes to the scanner emulator. */
@ExtendWith(ApplicationExtension.class)
class DevicePanelScanTest {

    private final List<ScanSample> scanned = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        DevicePanel panel = new DevicePanel(new DevicePanel.Actions() {
            @Override
            public void insertNote(long rubles) {}

            @Override
            public void jam() {}

            @Override
            public void cashBoxOut() {}

            @Override
            public void clearFault() {}

            @Override
            public void paperOut(boolean out) {}
        });
        panel.enableScanning(scanned::add);
        stage.setScene(new Scene(panel, 420, 700));
        stage.show();
    }

    @Test
    void theChosenSampleIsScanned(FxRobot robot) {
        robot.clickOn("#device-scan");
        @SuppressWarnings("unchecked")
        ComboBox<ScanSample> box = robot.lookup("#device-scan-sample").queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(ScanSample.PHONE));
        robot.clickOn("#device-scan");
        assertThat(scanned).containsExactly(ScanSample.CREDIT_VOUCHER, ScanSample.PHONE);
        assertThat(box.getItems()).hasSize(ScanSample.values().length);
    }
}
