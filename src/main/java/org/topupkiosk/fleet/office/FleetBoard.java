package org.topupkiosk.fleet.office;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetJson.BadFleetMessage;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;

/**
 * The office's view model of the fleet: every message from the broker goes through {@link #apply}, which routes it by
 * topic, reads it, and updates that kiosk's {@link KioskRecord}. Pure (no MQTT, no web) and thread-safe: the MQTT
 * thread applies while web threads read rows. A payload that is not what its topic promises is counted, logged and
 * dropped; nothing is ever thrown out of {@code apply}. Listeners hear the id of every kiosk whose row changed.
 *
 * <p>Memory is bounded per kiosk (a ring of recent events, a window of event ids kept as hashes, a bounded command
 * list and audit watch) and in kiosks ({@link Limits#kiosks()}), so a thousand kiosks stay well inside the office's
 * budget.
 */
public final class FleetBoard {

    private static final Logger log = LoggerFactory.getLogger(FleetBoard.class);
    private static final int LOGGED_BAD_FULLY = 20;

    /** Row changes, by kiosk id; called on the applying thread, so a listener only takes note and returns. */
    public interface Listener {
        void rowChanged(String kioskId);
    }

    /**
     * @param kiosks   most kiosks the board keeps (messages for more are refused as bad)
     * @param events   recent events kept per kiosk
     * @param eventIds event ids remembered per kiosk to drop repeats
     * @param commands commands (with their answers) kept per kiosk
     */
    public record Limits(int kiosks, int events, int eventIds, int commands) {
        public static Limits standard() {
            return new Limits(10_000, 100, 4_096, 50);
        }
    }

    private final FleetTopics topics;
    private final Clock clock;
    private final Duration silentAfter;
    private final Limits limits;
    private final Map<String, KioskRecord> kiosks = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong stateUpdates = new AtomicLong();
    private final AtomicLong badMessages = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    /**
     * @param stateInterval how often a kiosk publishes its state at the least (60 s by default); a kiosk with no state
     *                      for three of them shows as silent
     */
    public FleetBoard(FleetTopics topics, Clock clock, Duration stateInterval, Limits limits) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (stateInterval.isNegative() || stateInterval.isZero()) {
            throw new IllegalArgumentException("the state interval is positive, got " + stateInterval);
        }
        this.silentAfter = stateInterval.multipliedBy(3);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** One message from the broker. Never throws: a bad one is counted ({@link #badMessages()}) and logged. */
    public void apply(String topic, byte[] payload, Instant receivedAt) {
        try {
            FleetTopics.Route route = topics.route(topic)
                    .orElseThrow(() -> new BadFleetMessage("not a topic of this fleet"));
            String id = route.kioskId();
            switch (route.kind()) {
                case STATE -> applyState(id, FleetJson.read(payload, StateMessage.class), receivedAt);
                case EVENTS -> applyEvent(id, FleetJson.read(payload, EventMessage.class), receivedAt);
                case ACK -> applyAck(id, FleetJson.read(payload, AckMessage.class), receivedAt);
                case COMMAND -> throw new BadFleetMessage("the office does not take commands");
            }
        } catch (RuntimeException e) {
            bad(topic, payload, e);
        }
    }

    /** Notes a command the office published, pending until the kiosk acknowledges it. */
    public void commandSent(CommandMessage c) {
        record(c.kioskId()).commandSent(c);
        changed(c.kioskId());
    }

    /** An operator's acknowledgement of a kiosk's audit alarm; the chain it shows next is the new baseline. */
    public boolean acknowledgeAuditAlarm(String kioskId) {
        KioskRecord r = kiosks.get(kioskId);
        if (r == null || !r.acknowledgeAuditAlarm()) {
            return false;
        }
        log.warn("fleet audit alarm acknowledged kiosk={}: its chain is watched again from its next state", kioskId);
        changed(kioskId);
        return true;
    }

    /** Tells listeners about rows whose status moved by the clock alone (a kiosk gone silent); call every few s. */
    public void sweep() {
        Instant now = clock.instant();
        kiosks.forEach((id, r) -> {
            if (r.statusChanged(now, silentAfter)) {
                changed(id);
            }
        });
    }

    public List<KioskRow> rows() {
        Instant now = clock.instant();
        List<KioskRow> rows = new ArrayList<>(kiosks.size());
        kiosks.values().forEach(r -> rows.add(r.row(now, silentAfter)));
        rows.sort(Comparator.comparing(KioskRow::kioskId));
        return rows;
    }

    public Optional<KioskRow> row(String kioskId) {
        KioskRecord r = kiosks.get(kioskId);
        return r == null ? Optional.empty() : Optional.of(r.row(clock.instant(), silentAfter));
    }

    public Optional<KioskDetail> detail(String kioskId) {
        KioskRecord r = kiosks.get(kioskId);
        return r == null ? Optional.empty() : Optional.of(r.detail(clock.instant(), silentAfter));
    }

    public int kioskCount() {
        return kiosks.size();
    }

    public long badMessages() {
        return badMessages.get();
    }

    public BoardStats stats() {
        long duplicates = 0;
        for (KioskRecord r : kiosks.values()) {
            duplicates += r.duplicates();
        }
        return new BoardStats(kiosks.size(), stateUpdates.get(), badMessages.get(), events.get(), duplicates,
                new BoardStats.Latency(latency.percentile(0.50), latency.percentile(0.99), latency.max(),
                        latency.count()));
    }

    /** Starts the bench's figures afresh (state count, bad messages, events, latency); the kiosks stay. */
    public void resetStats() {
        stateUpdates.set(0);
        badMessages.set(0);
        events.set(0);
        latency.reset();
    }

    private void applyState(String id, StateMessage s, Instant receivedAt) {
        sameKiosk(id, s.kioskId(), "state");
        List<String> problems = record(id).state(s, receivedAt);
        stateUpdates.incrementAndGet();
        if (s.online()) {
            latency.record(Duration.between(s.timestamp(), clock.instant()).toMillis());
        }
        if (!problems.isEmpty()) {
            log.error("fleet AUDIT ALARM kiosk={} head={} problem=\"{}\": its journal does not only grow (shown until"
                            + " an operator acknowledges it)",
                    id, s.audit().count(), String.join("; ", problems));
        }
        changed(id);
    }

    private void applyEvent(String id, EventMessage e, Instant receivedAt) {
        sameKiosk(id, e.kioskId(), "event");
        if ("payment".equals(e.kind())) {
            String amount = e.data().get("amountMinor");
            if (amount != null && !amount.matches("[0-9]{1,18}")) {
                throw new BadFleetMessage("payment event " + e.id() + ": amountMinor is a whole number of minor"
                        + " units, got '" + amount + "'");
            }
        }
        if (record(id).event(e, receivedAt)) {
            events.incrementAndGet();
            changed(id);
        }
    }

    private void applyAck(String id, AckMessage a, Instant receivedAt) {
        sameKiosk(id, a.kioskId(), "ack");
        record(id).ack(a, receivedAt);
        changed(id);
    }

    private static void sameKiosk(String topicId, String messageId, String what) {
        if (!topicId.equals(messageId)) {
            throw new BadFleetMessage(what + " of kiosk '" + messageId + "' on the topic of kiosk '" + topicId + "'");
        }
    }

    private KioskRecord record(String id) {
        KioskRecord r = kiosks.get(id);
        if (r != null) {
            return r;
        }
        if (kiosks.size() >= limits.kiosks()) {
            throw new BadFleetMessage("the board already holds " + limits.kiosks() + " kiosks; kiosk '" + id
                    + "' is not added");
        }
        return kiosks.computeIfAbsent(id, k -> new KioskRecord(k, limits));
    }

    private void changed(String id) {
        for (Listener l : listeners) {
            try {
                l.rowChanged(id);
            } catch (RuntimeException e) {
                log.warn("fleet board listener failed kiosk={}: {}", id, e.toString());
            }
        }
    }

    private void bad(String topic, byte[] payload, RuntimeException e) {
        long n = badMessages.incrementAndGet();
        topics.route(topic).map(r -> kiosks.get(r.kioskId())).ifPresent(KioskRecord::bad);
        String why = e instanceof BadFleetMessage ? e.getMessage() : e.toString();
        if (n <= LOGGED_BAD_FULLY || n % 1000 == 0) {
            log.warn("fleet bad message #{} topic={} bytes={}: {}", n, topic, payload == null ? 0 : payload.length,
                    why);
        }
    }
}
