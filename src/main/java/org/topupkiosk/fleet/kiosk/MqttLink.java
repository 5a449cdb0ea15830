package org.topupkiosk.fleet.kiosk;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paho client of one kiosk: client id = the kiosk id (what a broker ACL names with {@code %c}), persistent session
 * ({@code cleanSession=false}), QoS 1, automatic reconnect after the first connection (Paho reconnects only once it
 * has been connected; before that the agent asks again each round, at most every {@link #FIRST_RETRY_MS}). The Last
 * Will is updated with each state, so a reconnect carries the newest. The journal is the outbox, so Paho keeps
 * in-flight messages only in memory.
 */
final class MqttLink {

    private static final Logger log = LoggerFactory.getLogger(MqttLink.class);
    static final long FIRST_RETRY_MS = 3000;
    static final int KEEP_ALIVE_SECONDS = 30;
    static final int MAX_RECONNECT_DELAY_MS = 5000;

    private final FleetSettings settings;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private volatile boolean everConnected;
    private volatile boolean connecting;
    private long lastAttempt;

    MqttLink(FleetSettings settings, MqttCallbackExtended callbacks) {
        this.settings = settings;
        try {
            this.client = new MqttAsyncClient(settings.broker().toString(), settings.kioskId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("fleet client not made for " + settings.broker() + ": " + e, e);
        }
        client.setCallback(callbacks);
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(10);
        options.setMaxInflight(FleetAgent.WINDOW + 20);
        settings.secrets().username().ifPresent(options::setUserName);
        settings.secrets().password().ifPresent(options::setPassword);
        if ("ssl".equalsIgnoreCase(settings.broker().getScheme())) {
            try {
                options.setSocketFactory(TlsContext.socketFactory(settings.secrets()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("fleet TLS not set up from fleet.secretsFile: " + e.getMessage(), e);
            }
        }
    }

    boolean connected() {
        return client.isConnected();
    }

    /** The Last Will for the next (re)connection: the state with {@code online=false}, retained. */
    void will(byte[] offlineState) {
        options.setWill(settings.topics().state(settings.kioskId()), offlineState, 1, true);
    }

    /** The first connection; Paho reconnects by itself after it. */
    synchronized void connect(byte[] offlineState) {
        if (connecting || client.isConnected()) {
            return;
        }
        if (offlineState != null) {
            will(offlineState);
        }
        connecting = true;
        lastAttempt = System.nanoTime();
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    everConnected = true;
                    connecting = false;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    connecting = false;
                    log.warn("fleet broker {} not reached: {}", settings.broker(), String.valueOf(e));
                }
            });
        } catch (MqttException e) {
            connecting = false;
            log.warn("fleet broker {} not reached: {}", settings.broker(), e.toString());
        }
    }

    /** Before the first connection succeeded, tries again now and then (Paho's own reconnect takes over after). */
    void retryIfNeverConnected(Supplier<byte[]> offlineState) {
        if (!everConnected && !connecting && System.nanoTime() - lastAttempt > FIRST_RETRY_MS * 1_000_000) {
            connect(offlineState.get());
        }
    }

    void subscribe(String topic) {
        try {
            client.subscribe(topic, 1);
        } catch (MqttException e) {
            log.warn("fleet subscription to {} failed: {}", topic, e.toString());
        }
    }

    /** QoS 1; false when not connected or refused at once (the caller keeps it for later). */
    boolean publish(String topic, byte[] payload, boolean retained, IMqttActionListener done) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            client.publish(topic, payload, 1, retained, null, done);
            return true;
        } catch (MqttException e) {
            log.debug("fleet publish to {} not taken: {}", topic, e.toString());
            return false;
        }
    }

    void publishAndWait(String topic, byte[] payload, long waitMs) {
        if (!client.isConnected()) {
            return;
        }
        try {
            client.publish(topic, payload, 1, true).waitForCompletion(waitMs);
        } catch (MqttException e) {
            log.warn("fleet goodbye state not acknowledged: {}", e.toString());
        }
    }

    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            log.debug("fleet disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("fleet client close: {}", e.toString());
        }
    }
}
