package org.topupkiosk.ui.service;

import static org.topupkiosk.ui.service.ServiceWidgets.MAX_ROWS;
import static org.topupkiosk.ui.service.ServiceWidgets.action;
import static org.topupkiosk.ui.service.ServiceWidgets.spacer;
import static org.topupkiosk.ui.service.ServiceWidgets.text;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.topupkiosk.flow.service.AuditRow;
import org.topupkiosk.flow.service.DeviceRow;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;

/**
 * The devices section: health of each device now, a test per device that has one, the acceptor's power-cycle when the
 * cabinet has a relay, and the newest device events the flow journaled (power-ups with a note, faults).
 */
final class DevicesSection extends MenuSection {


    DevicesSection(ServiceDesk desk, MenuCard card) {
        super(desk, card);
    }

    private record Report(List<DeviceRow> health, List<AuditRow> events) {}

    @Override
    void open() {
        card.load(desk.devices().thenCombine(desk.deviceEvents(), Report::new), (r, out) -> {
            Texts texts = card.texts();
            for (DeviceRow d : r.health()) {
                Label state = text("service-state", stateText(texts, d.state()));
                Ui.styleIf(state, "service-good", d.state() == DeviceRow.State.OK);
                Ui.styleIf(state, "service-bad", !d.usable());
                Ui.styleIf(state, "service-warn", d.state() == DeviceRow.State.DEGRADED);
                Label name = text("service-row-title", deviceName(texts, d.device()));
                HBox row = new HBox(name, spacer(), state);
                if (desk.deviceTests().contains(d.device())) {
                    Button test = Ui.button("service-test-" + d.device(), "bar-button");
                    test.setText(texts.get(ServiceKeys.DEVICE_TEST_RUN));
                    test.setOnAction(e -> runTest(d.device()));
                    row.getChildren().add(test);
                }
                row.getStyleClass().add("service-row");
                row.setId("service-device-" + d.device());
                out.add(row);
                out.add(text("service-code", d.detail()));
            }
            if (desk.canPowerCycle()) {
                out.add(action(texts, "service-power-cycle", ServiceKeys.DEVICE_POWER_CYCLE, this::powerCycle));
            }
            if (!r.events().isEmpty()) {
                Label title = text("service-row-title", texts.get(ServiceKeys.DEVICE_EVENTS));
                title.setId("service-device-events");
                out.add(title);
                for (AuditRow e : r.events()) {
                    out.add(text("service-code", ServiceWidgets.time(e.at()) + "  " + e.kind()
                            + (e.txnId() == null ? "" : "  " + e.txnId()) + "  " + e.dataJson()));
                }
            }
        });
    }

    private void powerCycle() {
        card.load(desk.powerCycleAcceptor(), (ok, out) -> {
            Texts texts = card.texts();
            out.add(ServiceWidgets.verdict("service-power-cycle-result", ok,
                    texts.get(ServiceKeys.DEVICE_POWER_CYCLED), texts.get(ServiceKeys.DEVICE_POWER_CYCLE_REFUSED)));
            out.add(action(texts, "service-devices-again", ServiceKeys.MENU_DEVICES, this::open));
        });
    }

    /**
     * One device's test: its lines appear as they come (the acceptor's notes as they are inserted), then the verdict
     * and "run again". Leaving the section lets the test finish unseen.
     */
    private void runTest(String device) {
        long mine = card.begin();
        List<String> lines = new ArrayList<>();
        Boolean[] verdict = new Boolean[1];
        Runnable redraw = () -> card.show(t -> {
            List<Node> out = new ArrayList<>();
            Label title = text("service-row-title", t.get(verdict[0] == null ? ServiceKeys.DEVICE_TEST_RUNNING
                    : verdict[0] ? ServiceKeys.DEVICE_TEST_PASSED : ServiceKeys.DEVICE_TEST_FAILED,
                    deviceName(t, device)));
            title.setWrapText(true);
            title.setId("service-test-verdict");
            Ui.styleIf(title, "service-good", Boolean.TRUE.equals(verdict[0]));
            Ui.styleIf(title, "service-bad", Boolean.FALSE.equals(verdict[0]));
            out.add(title);
            if (verdict[0] == null && "bill-acceptor".equals(device)) {
                Label hint = text("body", t.get(ServiceKeys.DEVICE_TEST_ACCEPTOR_HINT));
                hint.setWrapText(true);
                out.add(hint);
            }
            for (String line : lines.subList(Math.max(0, lines.size() - MAX_ROWS), lines.size())) {
                Label l = text("service-code", line);
                l.setWrapText(true);
                out.add(l);
            }
            if (verdict[0] != null) {
                out.add(action(t, "service-test-again", ServiceKeys.DEVICE_TEST_AGAIN, () -> runTest(device)));
            }
            return out;
        });
        redraw.run();
        desk.runDeviceTest(device, card.texts().lang(), line -> card.fx().execute(() -> {
            if (card.current(mine)) {
                lines.add(line);
                redraw.run();
            }
        })).whenCompleteAsync((passed, err) -> {
            if (card.current(mine)) {
                verdict[0] = err == null && Boolean.TRUE.equals(passed);
                if (err != null) {
                    lines.add(String.valueOf(err.getCause() != null ? err.getCause() : err));
                }
                redraw.run();
            }
        }, card.fx());
    }

    private static String stateText(Texts texts, DeviceRow.State s) {
        return texts.get(switch (s) {
            case OK -> ServiceKeys.DEVICE_OK;
            case DEGRADED -> ServiceKeys.DEVICE_DEGRADED;
            case FAILED -> ServiceKeys.DEVICE_FAILED;
            case OFFLINE -> ServiceKeys.DEVICE_OFFLINE;
        });
    }

    private static String deviceName(Texts texts, String device) {
        return switch (device) {
            case "printer" -> texts.get(ServiceKeys.DEVICE_PRINTER);
            case "bill-acceptor" -> texts.get(ServiceKeys.DEVICE_BILL_ACCEPTOR);
            case "gpio" -> texts.get(ServiceKeys.DEVICE_GPIO);
            default -> device;
        };
    }
}
