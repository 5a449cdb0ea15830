package org.topupkiosk.fleet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The acceptance for the demo, automated: {@code scripts/fleet-demo --kiosks 3 --broker URL} (its main class
 * as a child process, as the script starts it) puts three retained states with {@code "online": true} on
 * {@code topup/+/state}, as {@code mosquitto_sub -t 'topup/+/state'} shows them; and Ctrl-C (SIGTERM) ends it cleanly,
 * each kiosk saying goodbye with {@code "online": false}.
 */
class FleetDemoTest {

    private static final int KIOSKS = 3;

    @Test
    void demoKiosksPublishRetainedOnlineStatesAndSayGoodbyeOnCtrlC(@TempDir Path dir) throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is installed by .ci/run");
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("broker"))) {
            Process demo = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FleetDemo.class.getName(), "--kiosks",
                    Integer.toString(KIOSKS), "--broker", broker.url(), "--port", "0", "--seconds", "180"))
                    .redirectError(dir.resolve("demo.err").toFile()).start();
            List<String> out = new ArrayList<>();
            try {
                awaitReady(demo, out);
                Map<String, StateMessage> seen = watch(broker.url(), "watch-1", 60);
                assertThat(seen).as("states after @ready; demo said %s", out).hasSize(KIOSKS);
                assertThat(seen.values()).allMatch(StateMessage::online);
                // What mosquitto_sub shows on connecting: the retained states, one per kiosk, online.
                Map<String, Retained> retained = retained(broker.url());
                assertThat(retained.keySet()).containsExactlyInAnyOrder("DEMO-001", "DEMO-002", "DEMO-003");
                assertThat(retained.values()).allMatch(r -> r.retained && r.state.online());
                demo.destroy();
                assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on SIGTERM").isTrue();
                assertThat(retained(broker.url()).values()).as("goodbye states after Ctrl-C")
                        .allMatch(r -> !r.state.online()).hasSize(KIOSKS);
            } finally {
                demo.destroyForcibly();
            }
        }
    }

    private static void awaitReady(Process demo, List<String> out) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            out.add(line);
            if (line.equals("@ready")) {
                Thread t = new Thread(() -> Drain.quietly(r), "demo-stdout");
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        throw new AssertionError("the demo ended before @ready: " + out);
    }

    /** Every kiosk's latest state seen within {@code seconds}, returning as soon as all are there. */
    private static Map<String, StateMessage> watch(String url, String id, int seconds) throws Exception {
        Map<String, StateMessage> seen = new ConcurrentHashMap<>();
        MqttClient c = new MqttClient(url, id, new MemoryPersistence());
        c.connect();
        c.subscribe("topup/+/state", 1, (t, m) -> {
            StateMessage s = FleetJson.read(m.getPayload(), StateMessage.class);
            seen.put(s.kioskId(), s);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && seen.size() < KIOSKS) {
            Thread.sleep(100);
        }
        c.disconnect();
        c.close();
        return seen;
    }

    private record Retained(StateMessage state, boolean retained) {
    }

    /** The retained states a new subscriber receives first (as mosquitto_sub -t 'topup/+/state' shows them). */
    private static Map<String, Retained> retained(String url) throws Exception {
        Map<String, Retained> got = new ConcurrentHashMap<>();
        MqttClient c = new MqttClient(url, "retained-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.subscribe("topup/+/state", 1, (t, m) -> {
            if (m.isRetained()) {
                StateMessage s = FleetJson.read(m.getPayload(), StateMessage.class);
                got.putIfAbsent(s.kioskId(), new Retained(s, true));
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && got.size() < KIOSKS) {
            Thread.sleep(50);
        }
        c.disconnect();
        c.close();
        return got;
    }
}
