package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Reads the {@code health} section: where the loopback health endpoint listens ({@code listen}, default
 * {@value ListenAddress#DEFAULT}, {@code off} for none), whether it may listen on another interface than loopback
 * ({@code allowRemote}, default false: the endpoint has no authentication, and a kiosk's state and cash box are nobody
 * else's business), and after how many seconds without a heartbeat the flow thread counts as hung.
 */
final class HealthSection {

    private HealthSection() {}

    static KioskConfig.Health parse(Section s) {
        boolean allowRemote = s.bool("allowRemote", false);
        Optional<InetSocketAddress> listen = listen(s, allowRemote);
        long stale = s.integer("flowStaleSeconds", KioskConfig.Health.DEFAULTS.flowStaleSeconds(), 2, 3600, "seconds");
        s.finish();
        return new KioskConfig.Health(listen, allowRemote, stale);
    }

    private static Optional<InetSocketAddress> listen(Section s, boolean allowRemote) {
        JsonNode v = s.raw("listen");
        if (v != null && v.isBoolean() && !v.booleanValue()) {
            return Optional.empty(); // YAML 1.1 reads a bare off as false
        }
        if (v != null && !v.isTextual()) {
            s.problem("listen", Section.describe(v) + " is not an address (" + ListenAddress.EXPECTED + ")");
            return KioskConfig.Health.DEFAULTS.listen();
        }
        String text = v == null ? ListenAddress.DEFAULT : v.asText();
        Optional<InetSocketAddress> address;
        try {
            address = ListenAddress.parse(text);
        } catch (ListenAddress.BadAddress e) {
            s.problem("listen", "\"" + text + "\" " + e.getMessage());
            return KioskConfig.Health.DEFAULTS.listen();
        }
        if (address.isPresent() && !allowRemote && !ListenAddress.isLoopback(address.get())) {
            s.problem("listen", "\"" + text + "\" is not a loopback address: the health endpoint has no password, so"
                    + " it listens only on 127.0.0.1 or [::1] (expected e.g. 127.0.0.1:8780; to serve it on another"
                    + " interface behind a firewall, set health.allowRemote: true)");
        }
        return address;
    }
}
