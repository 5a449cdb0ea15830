package org.topupkiosk.bench.fleet;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;

/**
 * A plain MQTT subscriber to every state, beside the office: the latency from a kiosk's state change to its arrival
 * through the broker, with no view model behind it. Set against the office's figure, it tells the broker's share of
 * the delay from the office's.
 */
final class LatencyProbe implements AutoCloseable {

    final FleetStats.Latencies latencies = new FleetStats.Latencies();
    private final MqttClient client;

    LatencyProbe(String broker, FleetTopics topics) throws MqttException {
        client = new MqttClient(broker, "bench-probe-" + ProcessHandle.current().pid(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o);
        client.subscribe(topics.officeFilters()[0], 1, (topic, m) -> {
            if (m.isRetained()) {
                return; // a state kept from before we subscribed: its age is not a delivery delay
            }
            StateMessage s = FleetJson.read(m.getPayload(), StateMessage.class);
            if (s.online()) {
                latencies.add(Duration.between(s.timestamp(), Instant.now()).toMillis());
            }
        });
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
