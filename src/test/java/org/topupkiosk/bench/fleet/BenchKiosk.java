package org.topupkiosk.bench.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.fleet.StateMessage.AuditMark;
import org.topupkiosk.fleet.StateMessage.CashBox;
import org.topupkiosk.fleet.StateMessage.Device;
import org.topupkiosk.fleet.StateMessage.Outbox;

/**
 * A light kiosk for the fleet benchmark: not a kiosk core, only what one says on the wire. One Paho async client with
 * a persistent session, QoS 1, its offline state as Last Will, subscribed to its commands; a sale now and then (a
 * payment event, then the changed state: cash box, audit chain head, last payment) and the state again at least every
 * heartbeat. Its audit chain is a real SHA-256 chain with the power-of-two anchors, so the office's chain watch sees a
 * kiosk that behaves, not one that rewrites history.
 */
final class BenchKiosk {

    private static final String ZERO = "0".repeat(64);
    private static final List<Device> DEVICES = List.of(new Device("bill_acceptor", "ok", null),
            new Device("printer", "ok", null), new Device("fiscal", "ok", null), new Device("scanner", "ok", null));

    final String id;
    private final FleetTopics topics;
    private final MqttAsyncClient client;
    private final FleetStats stats;
    private final MessageDigest sha;
    private final Map<Long, String> anchors = new TreeMap<>();
    private long auditCount;
    private String auditHash = ZERO;
    private AuditMark published;
    private int notes;
    private long cashMinor;
    private Instant lastPayment;
    private int sales;

    BenchKiosk(String id, FleetTopics topics, String broker, ScheduledExecutorService pings, FleetStats stats)
            throws MqttException {
        this.id = id;
        this.topics = topics;
        this.stats = stats;
        this.client = new MqttAsyncClient(broker, "bench-" + id, new MemoryPersistence(),
                new ScheduledExecutorPingSender(pings), null);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 5; i++) {
            appendAudit("boot");
        }
    }

    /** Connects with the Last Will and a persistent session; {@code done} runs once connected and subscribed. */
    synchronized void connect(Runnable done) throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setKeepAliveInterval(60);
        o.setConnectionTimeout(30);
        o.setMaxInflight(100);
        o.setWill(topics.state(id), FleetJson.write(state(Instant.now()).offline()), 1, true);
        client.connect(o, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                try {
                    client.subscribe(topics.commands(id), 1, null, new Done(done), (t, m) -> stats.commandReceived());
                } catch (MqttException e) {
                    stats.failed("subscribe " + id + ": " + e);
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                stats.failed("connect " + id + ": " + e);
            }
        });
    }

    /** The retained state now (the first one after connecting, and the heartbeat). */
    synchronized void publishState() {
        publish(topics.state(id), FleetJson.write(state(Instant.now())), true);
        stats.statePublished(false);
    }

    /** A customer paid: the payment event, then the state it changed. */
    synchronized void sale() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long amount = 10_000L * (1 + r.nextInt(5));
        sales++;
        notes += 1 + r.nextInt(3);
        cashMinor += amount;
        Instant now = Instant.now();
        lastPayment = now;
        String txn = id + "-" + sales;
        appendAudit("payment " + txn);
        appendAudit("receipt " + txn);
        EventMessage event = new EventMessage(txn + "-p", id, "payment", now, Map.of("txnId", txn,
                "msisdn", "+7 916 ***-**-" + String.format("%02d", r.nextInt(100)), "amountMinor",
                Long.toString(amount), "currency", "RUB", "outcome", "confirmed", "service", "topup"));
        publish(topics.events(id), FleetJson.write(event), false);
        publish(topics.state(id), FleetJson.write(state(now)), true);
        stats.statePublished(true);
    }

    void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            stats.failed("disconnect " + id + ": " + e);
        }
    }

    private void publish(String topic, byte[] payload, boolean retained) {
        try {
            client.publish(topic, payload, 1, retained);
        } catch (MqttException e) {
            stats.failed("publish " + id + ": " + e.getMessage());
        }
    }

    private StateMessage state(Instant at) {
        List<AuditMark> marks = new ArrayList<>();
        anchors.forEach((count, hash) -> marks.add(new AuditMark(count, hash)));
        if (published != null) {
            marks.add(published);
        }
        AuditMark head = new AuditMark(auditCount, auditHash);
        published = head;
        return new StateMessage(id, true, StateMessage.IN_SERVICE, null, DEVICES, "ok",
                new CashBox(notes, cashMinor, "RUB", Math.min(100, notes * 100 / 1500)), new Outbox(0, 0), head,
                marks, lastPayment, List.of(), "bench", at);
    }

    private void appendAudit(String row) {
        sha.update(auditHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(row.getBytes(StandardCharsets.UTF_8));
        auditHash = HexFormat.of().formatHex(sha.digest());
        auditCount++;
        if (Long.bitCount(auditCount) == 1) {
            anchors.put(auditCount, auditHash);
        }
    }

    private final class Done implements IMqttActionListener {
        private final Runnable done;

        Done(Runnable done) {
            this.done = done;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            done.run();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            stats.failed("subscribe " + id + ": " + e);
        }
    }
}
