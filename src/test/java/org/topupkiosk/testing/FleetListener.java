package org.topupkiosk.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The office's ear in the fleet tests: a plain Paho client on the broker that records every message on its filters
 * (topic, payload, retained), and can publish (a command) as the office would.
 */
public final class FleetListener implements AutoCloseable {

    /** One message as received. */
    public record Received(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    private FleetListener(MqttClient client) {
        this.client = client;
    }

    /** A clean-session listener on {@code url} subscribed to {@code filters} at QoS 1. */
    public static FleetListener listen(String url, String... filters) throws MqttException {
        return listen(url, "office-" + UUID.randomUUID().toString().substring(0, 8), true, filters);
    }

    /** With a fixed client id and, with {@code clean} false, a persistent session (messages kept while away). */
    public static FleetListener listen(String url, String clientId, boolean clean, String... filters)
            throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        FleetListener l = new FleetListener(c);
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                synchronized (l) {
                    l.received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8),
                            m.isRetained()));
                    l.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(clean);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1000);
        c.connect(o);
        for (String f : filters) {
            c.subscribe(f, 1);
        }
        return l;
    }

    public synchronized List<Received> all() {
        return List.copyOf(received);
    }

    /** Waits for a message matching {@code p}; empty after {@code timeout}. */
    public synchronized Optional<Received> await(Predicate<Received> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Received r : received) {
                if (p.test(r)) {
                    return Optional.of(r);
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until {@code p} holds of all messages received. */
    public synchronized boolean awaitAll(Predicate<List<Received>> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!p.test(received)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing a test listener
        }
    }
}
