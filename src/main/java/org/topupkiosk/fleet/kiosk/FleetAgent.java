package org.topupkiosk.fleet.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.health.KioskSample;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.TelemetryJournal;

/**
 * The kiosk in the fleet: its MQTT client (Paho, persistent session, QoS 1, automatic reconnect), the retained state
 * on {@code <prefix>/<id>/state} with the Last Will (the same state, {@code online=false}), the telemetry outbox sent
 * to {@code events} (journaled first, marked sent only when the broker acknowledged it), and the signed commands on
 * {@code cmd}. Everything runs on the agent's own thread ({@code fleet-agent}) and Paho's: never on the flow thread.
 * With the broker away the kiosk sells on, the outbox grows, and it drains when the broker is back.
 */
public final class FleetAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetAgent.class);
    /** How often the agent looks at the journal and the devices: a change is published within this. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** A change is looked at this soon after it was signalled, so a burst of snapshots makes one round. */
    static final Duration SOON = Duration.ofMillis(200);
    /** How long events the broker acknowledged stay in the journal. */
    static final Duration KEEP_SENT = Duration.ofDays(7);
    /** Events in flight to the broker at most; the rest wait in the journal. */
    static final int WINDOW = 100;

    private final FleetSettings settings;
    private final FleetTopics topics;
    private final String id;
    private final Journal journal;
    private final TelemetryJournal telemetry;
    private final Clock clock;
    private final StateReader states;
    private final Telltales telltales = new Telltales();
    private final EventMapper mapper = new EventMapper();
    private final CommandDesk commands;
    private final KioskPort port;
    private final ScheduledExecutorService thread;
    private final MqttLink link;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private StateMessage lastState;
    private StateMessage lastComparable;
    private Instant lastPublished = Instant.EPOCH;
    private volatile boolean closed;

    /**
     * @param probe       what the health endpoint reads (KioskProbe)
     * @param catalogFile the configured catalog, replaced by a {@code catalog} command
     */
    public FleetAgent(FleetSettings settings, Journal journal, Supplier<KioskSample> probe, KioskPort port,
                      Path catalogFile, Clock clock) {
        this.settings = settings;
        this.topics = settings.topics();
        this.id = settings.kioskId();
        this.journal = journal;
        this.telemetry = journal.telemetry();
        this.clock = clock;
        this.port = port;
        this.states = new StateReader(id, settings.version(), settings.cashBoxNotes(), journal, probe, port, clock);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-agent");
            t.setDaemon(true);
            return t;
        });
        this.commands = new CommandDesk(id, new CommandGate(id, settings.officeKey(), clock, telemetry::firstSight),
                port, journal, catalogFile, clock, this::sendAck, thread, this::tickSoon);
        this.link = new MqttLink(settings, new Callbacks());
        port.onChange(this::tickSoon);
    }

    /** Starts the stream in the journal, the first connection and the ticks; returns at once. */
    public FleetAgent start() {
        telemetry.begin();
        String hold = CommandDesk.standingHold(journal);
        if (hold != null) { // the office's order outlives a restart; only the office (or in_service) lifts it
            log.info("fleet: the office's out-of-service order stands after the restart");
            port.officeHold(hold, p -> { });
        }
        thread.execute(this::firstConnect);
        thread.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
        return this;
    }

    /** Connected to the broker now. */
    public boolean connected() {
        return link.connected();
    }

    private void firstConnect() {
        StateMessage s = safeRead();
        link.connect(s == null ? null : FleetJson.write(s.offline()));
    }

    private void tickSoon() {
        if (!closed && tickQueued.compareAndSet(false, true)) {
            try {
                thread.schedule(this::tick, SOON.toMillis(), TimeUnit.MILLISECONDS); // a burst of changes: one round
            } catch (RuntimeException rejected) {
                tickQueued.set(false); // closing
            }
        }
    }

    /** One round: audit rows into events, devices and alarms, the state if it changed (or is due), the outbox. */
    private void tick() {
        tickQueued.set(false);
        if (closed) {
            return;
        }
        try {
            while (telemetry.collect(mapper, 500) == 500) {
                log.debug("more audit rows to turn into events");
            }
            StateReader.Reading r = states.read();
            for (TelemetryJournal.NewEvent e : telltales.changes(r.state(), clock.instant())) {
                telemetry.record(e);
            }
            publishState(r.state(), false);
            drain();
            link.retryIfNeverConnected(() -> FleetJson.write(r.state().offline()));
        } catch (RuntimeException e) {
            log.warn("fleet agent round failed: {}", e.toString());
        }
    }

    /** Events the broker acknowledged are kept a week (kioskctl, a look back), then deleted. */
    private void prune() {
        try {
            int n = telemetry.pruneSent(clock.instant().minus(KEEP_SENT));
            if (n > 0) {
                log.info("fleet events pruned count={}", n);
            }
        } catch (RuntimeException e) {
            log.warn("fleet events not pruned: {}", e.toString());
        }
    }

    private StateMessage safeRead() {
        try {
            return states.read().state();
        } catch (RuntimeException e) {
            log.warn("fleet state not read: {}", e.toString());
            return null;
        }
    }

    private void publishState(StateMessage s, boolean force) {
        StateMessage comparable = new StateReader.Reading(s, null, null).comparable();
        Instant now = clock.instant();
        boolean due = !now.isBefore(lastPublished.plus(settings.stateEvery()));
        lastState = s;
        link.will(FleetJson.write(s.offline()));
        if (!force && !due && comparable.equals(lastComparable)) {
            return;
        }
        if (link.publish(topics.state(id), FleetJson.write(s), true, null)) {
            lastComparable = comparable;
            lastPublished = now;
            states.published(s.audit());
        }
    }

    /** Sends unacknowledged events, oldest first, up to the window; each is marked sent when the broker says so. */
    private void drain() {
        if (!link.connected() || inFlight.size() >= WINDOW) {
            return;
        }
        for (TelemetryJournal.Event e : telemetry.unsent(WINDOW)) {
            if (inFlight.size() >= WINDOW) {
                break;
            }
            if (!inFlight.add(e.id())) {
                continue;
            }
            EventMessage m;
            try {
                m = new EventMessage(e.id(), id, e.kind(), e.at(), EventMapper.read(e.dataJson()));
            } catch (IllegalArgumentException bad) { // never made by this agent; it must not hold up the others
                log.error("ALARM fleet event {} cannot be sent: {}", e.id(), bad.getMessage());
                continue; // left in the in-flight set, so it is not tried again until the next connection
            }
            boolean sent = link.publish(topics.events(id), FleetJson.write(m), false, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    thread.execute(() -> {
                        telemetry.markSent(e.id());
                        inFlight.remove(e.id());
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    inFlight.remove(e.id());
                }
            });
            if (!sent) {
                inFlight.remove(e.id());
                return;
            }
        }
    }

    private void sendAck(AckMessage ack) {
        link.publish(topics.acks(id), FleetJson.write(ack), false, null);
    }

    /** A clean stop: the state with {@code online=false} goes out retained, then the client disconnects. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.submit(() -> {
                StateMessage s = lastState != null ? lastState : safeRead();
                if (s != null) {
                    link.publishAndWait(topics.state(id), FleetJson.write(new StateMessage(s.kioskId(), false,
                            s.mode(), s.reason(), s.devices(), s.paper(), s.cashBox(), s.outbox(), s.audit(),
                            s.anchors(), s.lastPaymentAt(), s.alarms(), s.version(), clock.instant())), 3000);
                }
                link.close();
            }).get(8, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("fleet agent did not stop cleanly: {}", e.toString());
            link.close();
        } finally {
            thread.shutdownNow();
        }
    }

    /** Paho's callbacks: never block, never throw; the work goes to the agent's thread. */
    private final class Callbacks implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            log.info("fleet connected broker={} reconnect={}", serverURI, reconnect);
            link.subscribe(topics.commands(id));
            inFlight.clear();
            thread.execute(() -> {
                if (lastState != null) {
                    publishState(lastState, true);
                }
                drain();
            });
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.warn("fleet connection lost: {}", String.valueOf(cause));
            inFlight.clear();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(topics.commands(id)) && !closed) {
                byte[] payload = message.getPayload();
                thread.execute(() -> {
                    try {
                        commands.handle(payload);
                    } catch (RuntimeException e) {
                        log.error("fleet command failed: {}", e.toString());
                    }
                });
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // each publish has its own listener
        }
    }
}
