package org.topupkiosk.app.devicepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The device panel's SIM buttons insert the chosen virtual card and take it out. */
@ExtendWith(ApplicationExtension.class)
class DevicePanelSimTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        DevicePanel panel = new DevicePanel(new DevicePanel.Actions() {
            public void insertNote(long rubles) {}
            public void jam() {}
            public void cashBoxOut() {}
            public void clearFault() {}
            public void paperOut(boolean out) {}

            @Override
            public List<String> simProfiles() {
                return List.of("usim-no-number", "gsm-with-number");
            }

            @Override
            public void insertSim(String profile) {
                calls.add("insert " + profile);
            }

            @Override
            public void removeSim() {
                calls.add("remove");
            }
        });
        stage.setScene(new Scene(panel, 420, 700));
        stage.show();
    }

    @Test
    void insertTheChosenCardThenRemoveIt(FxRobot robot) {
        robot.clickOn("#device-sim-insert");
        robot.interact(() -> robot.lookup("#device-sim-card").queryAs(ChoiceBox.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#device-sim-insert").clickOn("#device-sim-remove");
        assertThat(calls).containsExactly("insert usim-no-number", "insert gsm-with-number", "remove");
    }
}
