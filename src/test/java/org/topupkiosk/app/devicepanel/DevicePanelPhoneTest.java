package org.topupkiosk.app.devicepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.SimOtp;
import org.topupkiosk.domain.Msisdn;

/**
 * The device panel's phone: the embedded carrier's newest SMS, wired as the simulation wires it, with its one-time
 * code large, so someone trying the kiosk can read the code off the panel.
 */
@ExtendWith(ApplicationExtension.class)
class DevicePanelPhoneTest {

    private DevicePanel panel;
    private Consumer<DevicePanel.Sms> phone;
    private CarrierSimulator sim;

    @Start
    void start(Stage stage) {
        panel = new DevicePanel(new DevicePanel.Actions() {
            public void insertNote(long rubles) {}
            public void jam() {}
            public void cashBoxOut() {}
            public void clearFault() {}
            public void paperOut(boolean out) {}
        });
        panel.enableScanning(s -> { });
        phone = panel.enablePhone();
        stage.setScene(new Scene(panel, 420, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void theNewestSmsOfTheEmbeddedCarrierShowsWithItsCode(FxRobot robot) throws Exception {
        assertThat(text(robot, "device-sms-to")).isEqualTo("No SMS yet");
        sim = new CarrierSimulator(SimulatorFixture.KEY);
        sim.otp().onSent(sms -> phone.accept(new DevicePanel.Sms(sms.to().pretty(), sms.text())));
        RestCarrierGateway gw = SimulatorFixture.gateway(sim.baseUri(), SimulatorFixture.KEY, Clock.systemUTC());
        gw.requestOtp(Msisdn.of("+79161234567"), "autotopup");
        gw.requestOtp(Msisdn.of("+79261234567"), "history");
        WaitForAsyncUtils.waitForFxEvents();
        SimOtp.Sms newest = sim.otp().latest().orElseThrow();
        String code = newest.text().replaceAll(".*Код (\\d{6}).*", "$1");
        assertThat(text(robot, "device-sms-to")).isEqualTo("To +7 926 123-45-67");
        assertThat(text(robot, "device-sms-code")).isEqualTo(code).hasSize(6);
        assertThat(text(robot, "device-sms-text")).isEqualTo(newest.text());
    }

    @Test
    void thePhoneSitsAboveTheLastReceiptAndBelowTheScanner(FxRobot robot) {
        List<Node> children = panel.getChildren();
        List<String> headings = children.stream().filter(n -> n.getStyleClass().contains("device-heading"))
                .map(n -> ((Label) n).getText()).toList();
        assertThat(headings).containsSubsequence("Scanner", "Phone (SMS)", "Last receipt");
        assertThat(headings.get(headings.size() - 1)).isEqualTo("Last receipt");
    }
}
