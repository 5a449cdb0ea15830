package org.topupkiosk.fleet.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.health.KioskSample;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.AuditHead;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.OutboxStatus;
import org.topupkiosk.journal.TelemetryJournal;

/**
 * Reads the kiosk's {@link StateMessage} from what the health endpoint reads ({@link KioskSample}: devices, paper,
 * cash box, outbox), the kiosk's mode through the {@link KioskPort}, and the journal's audit chain: its head and the
 * anchors (the hash at each power-of-two row count up to the head, and at the head published before). Runs on the
 * agent's thread, never on the flow's.
 */
final class StateReader {

    /** Payments older than this in the outbox raise an alarm. */
    static final Duration OUTBOX_STUCK = Duration.ofMinutes(10);

    private final String kioskId;
    private final String version;
    private final Journal journal;
    private final Supplier<KioskSample> probe;
    private final KioskPort port;
    /** The cash box's capacity in notes (fleet.cashBoxNotes): the fill percentage and the 90 % alarm. */
    private final int cashBoxNotes;
    private final Clock clock;
    /** Hashes at row counts already read: a sound chain never changes under a count. */
    private final Map<Long, String> anchors = new LinkedHashMap<>();
    private AuditHead published;

    StateReader(String kioskId, String version, int cashBoxNotes, Journal journal, Supplier<KioskSample> probe,
                KioskPort port, Clock clock) {
        this.cashBoxNotes = cashBoxNotes;
        this.kioskId = kioskId;
        this.version = version;
        this.journal = journal;
        this.probe = probe;
        this.port = port;
        this.clock = clock;
    }

    /** The state now (online) and the sample it was read from. */
    Reading read() {
        KioskSample s = probe.get();
        KioskPort.Mode mode = port.mode();
        List<StateMessage.Device> devices = new ArrayList<>();
        for (DeviceHealth d : s.devices()) {
            devices.add(new StateMessage.Device(d.device(), d.state().name().toLowerCase(Locale.ROOT), d.detail()));
        }
        StateMessage.CashBox cashBox = s.cashBox().map(e -> cashBox(e, cashBoxNotes)).orElse(null);
        TelemetryJournal.Backlog events = read(() -> journal.telemetry().backlog()).orElse(null);
        StateMessage.Outbox outbox = s.outbox().map(o -> new StateMessage.Outbox(o.pendingCount(),
                Math.max(0, o.oldestPendingAge() == null ? 0 : o.oldestPendingAge().toSeconds()))).orElse(null);
        AuditHead head = journal.auditHead();
        StateMessage.AuditMark mark = new StateMessage.AuditMark(head.count(), head.hash());
        Instant lastPayment = read(() -> journal.recentAudit(List.of("order_submitted"), 1)).flatMap(
                l -> l.stream().findFirst()).map(AuditEntry::at).orElse(null);
        List<String> alarms = alarms(s, mode, cashBoxNotes);
        StateMessage state = new StateMessage(kioskId, true, mode.mode(), mode.reason(), devices,
                s.paper().label(), cashBox, outbox, mark, anchors(head), lastPayment, alarms, version, clock.instant());
        return new Reading(state, s, events);
    }

    /** The head went out in a published state: the next states carry its hash as an anchor. */
    void published(StateMessage.AuditMark head) {
        published = new AuditHead(head.count(), head.hash());
    }

    private List<StateMessage.AuditMark> anchors(AuditHead head) {
        List<StateMessage.AuditMark> out = new ArrayList<>();
        for (long n = 1; n > 0 && n <= head.count(); n <<= 1) {
            long count = n;
            String hash = anchors.computeIfAbsent(count, c -> journal.telemetry().auditHashAt(c).orElse(null));
            if (hash != null) {
                out.add(new StateMessage.AuditMark(count, hash));
            } else {
                anchors.remove(count);
            }
        }
        if (published != null && published.count() <= head.count() && Long.bitCount(published.count()) != 1
                && published.count() > 0) {
            out.add(new StateMessage.AuditMark(published.count(), published.hash()));
        }
        return out;
    }

    private static StateMessage.CashBox cashBox(Encashment e, int capacity) {
        int notes = e.noteCount();
        return new StateMessage.CashBox(notes, e.total().minor(), e.total().currency(),
                Math.min(100, notes * 100 / capacity));
    }

    /** Active alarm codes, read from the sample: what a technician should come for. */
    static List<String> alarms(KioskSample s, KioskPort.Mode mode, int cashBoxNotes) {
        List<String> out = new ArrayList<>();
        for (DeviceHealth d : s.devices()) {
            if (d.state() == DeviceHealth.State.FAILED || d.state() == DeviceHealth.State.OFFLINE) {
                out.add(d.device() + "_" + d.state().name().toLowerCase(Locale.ROOT));
            }
        }
        switch (s.paper()) {
            case OUT -> out.add("paper_out");
            case NEAR_END -> out.add("paper_near_end");
            default -> { }
        }
        s.cashBox().filter(e -> e.noteCount() >= cashBoxNotes * 9 / 10).ifPresent(e -> out.add("cash_box_full"));
        Optional<OutboxStatus> o = s.outbox();
        o.filter(x -> x.conflictCount() > 0).ifPresent(x -> out.add("payment_conflict"));
        o.filter(x -> x.oldestPendingAge() != null && x.oldestPendingAge().compareTo(OUTBOX_STUCK) > 0)
                .ifPresent(x -> out.add("outbox_stuck"));
        if (mode.reason() != null && mode.reason().contains("door")) {
            out.add("door_open");
        }
        return out;
    }

    private static <T> Optional<T> read(Supplier<T> q) {
        try {
            return Optional.ofNullable(q.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A state, the sample it came from, and the telemetry backlog. */
    record Reading(StateMessage state, KioskSample sample, TelemetryJournal.Backlog events) {
        /** The state without what changes by itself (its time, ages): two readings alike need no new publish. */
        StateMessage comparable() {
            // The anchors follow from the head and from the head published before, so they change with every publish:
            // compared, each publish would call for the next one.
            // A device's detail text may carry counters (the acceptor's retries) that move every poll: only its state
            // makes a change worth publishing; the detail rides along with the next change or the periodic state.
            List<StateMessage.Device> devices = state.devices().stream()
                    .map(d -> new StateMessage.Device(d.name(), d.state(), null)).toList();
            return new StateMessage(state.kioskId(), true, state.mode(), state.reason(), devices,
                    state.paper(), state.cashBox(), state.outbox() == null ? null
                    : new StateMessage.Outbox(state.outbox().pending(), 0), state.audit(), List.of(),
                    state.lastPaymentAt(), state.alarms(), state.version(), Instant.EPOCH);
        }
    }
}
