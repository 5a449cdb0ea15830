package org.topupkiosk.app.devicepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.topupkiosk.ui.FxTestSupport;

/** With simulated GPIO the device panel has the cabinet's door and cash-box switches; without, it does not. */
@ExtendWith(ApplicationExtension.class)
class DevicePanelCabinetTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private DevicePanel without;

    @Start
    void start(Stage stage) {
        DevicePanel panel = new DevicePanel(new DevicePanel.Actions() {
            @Override
            public void insertNote(long rubles) {
            }

            @Override
            public void jam() {
            }

            @Override
            public void cashBoxOut() {
            }

            @Override
            public void clearFault() {
            }

            @Override
            public void paperOut(boolean out) {
            }

            @Override
            public boolean hasCabinet() {
                return true;
            }

            @Override
            public void door(boolean open) {
                calls.add("door open " + open);
            }

            @Override
            public void cashBoxSwitch(boolean present) {
                calls.add("cash box present " + present);
            }
        });
        without = new DevicePanel(new DevicePanel.Actions() {
            @Override
            public void insertNote(long rubles) {
            }

            @Override
            public void jam() {
            }

            @Override
            public void cashBoxOut() {
            }

            @Override
            public void clearFault() {
            }

            @Override
            public void paperOut(boolean out) {
            }
        });
        stage.setScene(new Scene(panel, 420, 700));
        stage.show();
    }

    @Test
    void doorAndCashBoxSwitchesReachTheCabinet(FxRobot robot) {
        robot.clickOn("#device-door-open").clickOn("#device-cash-box-switch").clickOn("#device-door-open")
                .clickOn("#device-cash-box-switch");
        assertThat(calls).containsExactly("door open true", "cash box present false", "door open false",
                "cash box present true");
        assertThat(without.lookup("#device-door-open")).isNull();
    }
}
