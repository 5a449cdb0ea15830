package org.topupkiosk.fleet.office;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.fleet.office.KioskDetail.CommandView;
import org.topupkiosk.fleet.office.KioskRow.AuditAlarm;
import org.topupkiosk.fleet.office.KioskRow.LastPayment;

/**
 * What the office knows of one kiosk: its last state, recent events (a ring) with the ids seen (a bounded window),
 * commands sent and their answers, the audit watch and its alarm. Every method holds the record's lock, so the MQTT
 * thread applying messages and the web threads reading never see half an update.
 */
final class KioskRecord {

    private final String kioskId;
    private final FleetBoard.Limits limits;
    private final ArrayDeque<EventMessage> events = new ArrayDeque<>();
    private final EventIdWindow seenIds;
    private final AuditWatch audit = new AuditWatch();
    private final LinkedHashMap<String, CommandView> commands = new LinkedHashMap<>();
    private StateMessage state;
    private Instant stateReceivedAt;
    private Instant lastSeen;
    private LastPayment lastPayment;
    private AuditAlarm auditAlarm;
    private long duplicates;
    private int badMessages;
    private String shownStatus;

    KioskRecord(String kioskId, FleetBoard.Limits limits) {
        this.kioskId = kioskId;
        this.limits = limits;
        this.seenIds = new EventIdWindow(limits.eventIds());
    }

    /**
     * Applies a state; returns the audit problems it shows when they raise a new alarm (empty when the chain is
     * consistent or an alarm is already up, which then counts a repeat).
     */
    synchronized List<String> state(StateMessage s, Instant receivedAt) {
        state = s;
        stateReceivedAt = receivedAt;
        lastSeen = receivedAt;
        List<String> problems = audit.check(s);
        if (problems.isEmpty()) {
            return problems;
        }
        if (auditAlarm != null) {
            auditAlarm = new AuditAlarm(auditAlarm.raisedAt(), auditAlarm.problem(), auditAlarm.repeats() + 1);
            return List.of();
        }
        auditAlarm = new AuditAlarm(receivedAt, String.join("; ", problems), 0);
        return problems;
    }

    /** Applies an event; false when its id was seen before (a repeat, dropped). */
    synchronized boolean event(EventMessage e, Instant receivedAt) {
        lastSeen = receivedAt;
        if (!seenIds.add(e.id())) {
            duplicates++;
            return false;
        }
        events.addFirst(e);
        while (events.size() > limits.events()) {
            events.removeLast();
        }
        if ("payment".equals(e.kind())) {
            lastPayment = new LastPayment(e.at(), e.data().get("txnId"), amount(e.data().get("amountMinor")),
                    e.data().get("currency"), e.data().get("outcome"));
        }
        return true;
    }

    synchronized void ack(AckMessage a, Instant receivedAt) {
        lastSeen = receivedAt;
        CommandView sent = commands.remove(a.commandId());
        CommandView answered = sent == null
                ? new CommandView(a.commandId(), null, null, null, a.status(), a.reason(), a.at())
                : new CommandView(sent.id(), sent.type(), sent.issuedAt(), sent.expiresAt(), a.status(), a.reason(),
                        a.at());
        remember(answered);
    }

    synchronized void commandSent(CommandMessage c) {
        remember(new CommandView(c.id(), c.type(), c.issuedAt(), c.expiresAt(), CommandView.PENDING, null, null));
    }

    synchronized void bad() {
        badMessages++;
    }

    synchronized boolean acknowledgeAuditAlarm() {
        if (auditAlarm == null) {
            return false;
        }
        auditAlarm = null;
        audit.rebaseline();
        return true;
    }

    /** The row as of {@code now}; remembers its status so {@link #statusChanged} can tell when silence sets in. */
    synchronized KioskRow row(Instant now, Duration silentAfter) {
        String status = status(now, silentAfter);
        shownStatus = status;
        int pending = 0;
        for (CommandView c : commands.values()) {
            if (CommandView.PENDING.equals(c.status()) && now.isBefore(c.expiresAt())) {
                pending++;
            }
        }
        if (state == null) {
            return new KioskRow(kioskId, status, null, null, List.of(), 0, null, null, null, lastPayment, null,
                    List.of(), auditAlarm, -1, null, null, lastSeen, badMessages, pending);
        }
        int ok = 0;
        for (StateMessage.Device d : state.devices()) {
            if ("ok".equalsIgnoreCase(d.state())) {
                ok++;
            }
        }
        return new KioskRow(kioskId, status, state.mode(), state.reason(), state.devices(), ok, state.paper(),
                state.cashBox(), state.outbox(), lastPayment, state.lastPaymentAt(), state.alarms(), auditAlarm,
                state.audit().count(), state.version(), state.timestamp(), lastSeen, badMessages, pending);
    }

    synchronized boolean statusChanged(Instant now, Duration silentAfter) {
        return shownStatus != null && !shownStatus.equals(status(now, silentAfter));
    }

    synchronized KioskDetail detail(Instant now, Duration silentAfter) {
        List<CommandView> cs = new ArrayList<>(commands.size());
        for (CommandView c : commands.values()) {
            cs.add(CommandView.PENDING.equals(c.status()) && !now.isBefore(c.expiresAt())
                    ? new CommandView(c.id(), c.type(), c.issuedAt(), c.expiresAt(), CommandView.EXPIRED, null, null)
                    : c);
        }
        Collections.reverse(cs);
        return new KioskDetail(row(now, silentAfter), List.copyOf(events), cs, duplicates);
    }

    synchronized long duplicates() {
        return duplicates;
    }

    private String status(Instant now, Duration silentAfter) {
        if (state == null) {
            return KioskRow.UNKNOWN;
        }
        if (!state.online()) {
            return KioskRow.OFFLINE;
        }
        return stateReceivedAt.plus(silentAfter).isBefore(now) ? KioskRow.SILENT : KioskRow.ONLINE;
    }

    private void remember(CommandView c) {
        commands.put(c.id(), c);
        Iterator<Map.Entry<String, CommandView>> it = commands.entrySet().iterator();
        while (commands.size() > limits.commands() && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** The board has checked a payment's amount before ({@link FleetBoard}); a missing one reads as 0. */
    private static long amount(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
