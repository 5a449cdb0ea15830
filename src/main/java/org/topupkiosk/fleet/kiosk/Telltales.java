package org.topupkiosk.fleet.kiosk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.journal.TelemetryJournal;

/**
 * What changed between two states that the office hears of as an event: a device whose state moved
 * ({@code device_fault}, also back to ok) and an alarm that came up ({@code alarm}). The first state read is the
 * baseline: what a kiosk shows at start is in its first state, not in events.
 */
final class Telltales {

    private Map<String, String> devices;
    private Set<String> alarms;

    List<TelemetryJournal.NewEvent> changes(StateMessage s, Instant now) {
        Map<String, String> nowDevices = new HashMap<>();
        Map<String, String> details = new HashMap<>();
        for (StateMessage.Device d : s.devices()) {
            nowDevices.put(d.name(), d.state());
            details.put(d.name(), d.detail() == null ? "" : d.detail());
        }
        Set<String> nowAlarms = new LinkedHashSet<>(s.alarms());
        List<TelemetryJournal.NewEvent> out = new ArrayList<>();
        if (devices != null) {
            nowDevices.forEach((name, state) -> {
                if (!state.equals(devices.get(name))) {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("device", name);
                    d.put("state", state);
                    d.put("detail", details.get(name));
                    out.add(new TelemetryJournal.NewEvent("device_fault", now, EventMapper.write(d)));
                }
            });
            for (String a : nowAlarms) {
                if (!alarms.contains(a)) {
                    Map<String, String> d = new LinkedHashMap<>();
                    d.put("code", a);
                    d.put("detail", s.reason() == null ? "" : s.reason());
                    out.add(new TelemetryJournal.NewEvent("alarm", now, EventMapper.write(d)));
                }
            }
        }
        devices = nowDevices;
        alarms = nowAlarms;
        return out;
    }
}
