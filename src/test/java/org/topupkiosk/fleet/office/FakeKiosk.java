package org.topupkiosk.fleet.office;

import static org.topupkiosk.fleet.office.FleetSamples.inService;
import static org.topupkiosk.fleet.office.FleetSamples.json;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;

/**
 * A kiosk as the broker sees it, for the office's tests: raw Paho publishing the contract's records, its Last Will
 * on its state topic, subscribed to its commands (what arrives is in {@link #commands}).
 */
final class FakeKiosk implements AutoCloseable {

    final BlockingQueue<byte[]> commands = new LinkedBlockingQueue<>();
    private final FleetTopics topics;
    private final MqttAsyncClient client;

    FakeKiosk(String brokerUrl, FleetTopics topics, String id) throws Exception {
        this.topics = topics;
        client = new MqttAsyncClient(brokerUrl, "kiosk-" + id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setWill(topics.state(id), json(inService(id, 1, Instant.now()).offline()), 1, true);
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(topics.commands(id), 1, (topic, m) -> commands.add(m.getPayload())).waitForCompletion(10_000);
    }

    void publishState(StateMessage s) throws Exception {
        publish(topics.state(s.kioskId()), json(s), true);
    }

    void publish(String topic, byte[] payload, boolean retained) throws Exception {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m).waitForCompletion(10_000);
    }

    /** Drops the connection without DISCONNECT, as a crash or a lost modem would: the broker sends the will. */
    void dieWithoutGoodbye() throws Exception {
        client.disconnectForcibly(0, 1000, false);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
