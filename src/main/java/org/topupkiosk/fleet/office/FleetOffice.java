package org.topupkiosk.fleet.office;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.fleet.FleetTopics;

/**
 * The office's MQTT side (Eclipse Paho): a persistent session ({@code cleanSession=false}) under a fixed client id,
 * QoS 1 subscriptions to every kiosk's state, events and acknowledgements, each message handed to the
 * {@link FleetBoard}; and commands, built here, signed with the office's Ed25519 key and published QoS 1 (not
 * retained) to the kiosk's command topic, pending on the board until the kiosk acknowledges. A broker that is away at
 * start or later is retried in the background; the board keeps what it had.
 */
public final class FleetOffice implements CommandSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetOffice.class);
    public static final Duration DEFAULT_COMMAND_TTL = Duration.ofMinutes(5);
    private static final int MAX_TEXT = 500;

    private final BrokerSettings broker;
    private final FleetTopics topics;
    private final FleetBoard board;
    private final PrivateKey key;
    private final Clock clock;
    private final Duration commandTtl;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-office-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /** @param key the office's signing key; null for an office that only watches (commands are then refused) */
    public FleetOffice(BrokerSettings broker, FleetTopics topics, FleetBoard board, PrivateKey key, Clock clock,
                       Duration commandTtl) throws MqttException {
        this.broker = Objects.requireNonNull(broker);
        this.topics = Objects.requireNonNull(topics);
        this.board = Objects.requireNonNull(board);
        this.key = key;
        this.clock = Objects.requireNonNull(clock);
        this.commandTtl = Objects.requireNonNull(commandTtl);
        this.client = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        client.setCallback(new Callback());
    }

    /** Connects (waiting up to {@code wait}); when the broker is not there yet, keeps trying every 5 s in the background. */
    public void start(Duration wait) {
        try {
            client.connect(options()).waitForCompletion(wait.toMillis());
        } catch (MqttException e) {
            log.warn("fleet office broker={} not reached ({}); trying again every 5 s", broker.url(), e.getMessage());
            retry.schedule(this::reconnect, 5, TimeUnit.SECONDS);
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    public String brokerUrl() {
        return broker.url();
    }

    public boolean canSign() {
        return key != null;
    }

    @Override
    public String send(String kioskId, String type, Map<String, String> args) {
        if (!FleetTopics.validKioskId(kioskId)) {
            throw new IllegalArgumentException("kioskId: 1 to 64 letters, digits, '.', '_' or '-', got '" + kioskId + "'");
        }
        Map<String, String> checked = arguments(type, args);
        if (key == null) {
            throw new IllegalStateException("the office has no signing key (start it with --key FILE)");
        }
        if (!client.isConnected()) {
            throw new IllegalStateException("the office is not connected to the broker " + broker.url());
        }
        Instant now = clock.instant();
        CommandMessage c = FleetKeys.sign(new CommandMessage(UUID.randomUUID().toString(), kioskId, type, checked, now,
                now.plus(commandTtl), null), key);
        board.commandSent(c); // before the publish: a quick kiosk's ack must find it
        try {
            IMqttDeliveryToken token = client.publish(topics.commands(kioskId), FleetJson.write(c), 1, false);
            log.info("fleet command sent kiosk={} id={} type={} expires={} (msg {})", kioskId, c.id(), type,
                    c.expiresAt(), token.getMessageId());
            return c.id();
        } catch (MqttException e) {
            throw new IllegalStateException("the command could not be published: " + e.getMessage(), e);
        }
    }

    /** The arguments each command type takes, checked; anything else is refused before it is signed. */
    static Map<String, String> arguments(String type, Map<String, String> args) {
        Map<String, String> a = args == null ? Map.of() : args;
        if (type == null || !CommandMessage.TYPES.contains(type)) {
            throw new IllegalArgumentException("type: one of " + CommandMessage.TYPES + ", got '" + type + "'");
        }
        switch (type) {
            case CommandMessage.OUT_OF_SERVICE -> {
                String reason = a.get("reason");
                if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("reason: the text shown on the kiosk, 1 to " + MAX_TEXT
                            + " characters");
                }
                return Map.of("reason", reason.strip());
            }
            case CommandMessage.CATALOG -> {
                String catalog = a.get("catalog");
                if (catalog == null || catalog.isBlank() || catalog.length() > FleetJson.MAX_BYTES / 2) {
                    throw new IllegalArgumentException("catalog: the catalog file's text, not empty, at most "
                            + FleetJson.MAX_BYTES / 2 + " characters");
                }
                return Map.of("catalog", catalog);
            }
            default -> {
                return Map.of();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        retry.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            log.debug("fleet office disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("fleet office close: {}", e.getMessage());
        }
    }

    private void reconnect() {
        if (closed || client.isConnected()) {
            return;
        }
        try {
            client.connect(options()).waitForCompletion(10_000);
        } catch (MqttException e) {
            log.debug("fleet office broker={} still away: {}", broker.url(), e.getMessage());
            if (!closed) {
                retry.schedule(this::reconnect, 5, TimeUnit.SECONDS);
            }
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setMaxInflight(1_000);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (broker.username() != null) {
            o.setUserName(broker.username());
            o.setPassword(broker.password() == null ? new char[0] : Arrays.copyOf(broker.password(),
                    broker.password().length));
        }
        if (broker.socketFactory() != null) {
            o.setSocketFactory(broker.socketFactory());
        }
        return o;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            String[] filters = topics.officeFilters();
            int[] qos = new int[filters.length];
            Arrays.fill(qos, 1);
            try {
                client.subscribe(filters, qos);
                log.info("fleet office connected broker={} reconnect={} subscribed={}", serverURI, reconnect,
                        Arrays.toString(filters));
            } catch (MqttException e) {
                log.error("fleet office could not subscribe on {}: {}", serverURI, e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.warn("fleet office lost the broker {}: {} (reconnecting)", broker.url(), String.valueOf(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            board.apply(topic, message.getPayload(), clock.instant());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // a command reached the broker; the kiosk's acknowledgement is what the board waits for
        }
    }
}
