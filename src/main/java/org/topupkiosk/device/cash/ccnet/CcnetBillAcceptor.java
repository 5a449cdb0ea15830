package org.topupkiosk.device.cash.ccnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.cash.PolledBillAcceptor;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * A CashCode CCNET bill validator behind the {@link BillAcceptor} port. One poller thread owns the line: it runs the
 * flow's commands (enable, stack, return, acknowledge) in the order they came, between polls. Start-up polls before
 * it resets, so a "stacked" the device still holds from before a crash is seen, then reads identification and the
 * bill table. A stacked note is written to {@link PendingNotes} before the device gets its ACK and before the flow
 * hears of it; see {@link #start}.
 */
public final class CcnetBillAcceptor extends PolledBillAcceptor {

    private static final Logger log = LoggerFactory.getLogger(CcnetBillAcceptor.class);
    private final CcnetLink link;
    private final CcnetMachine machine = new CcnetMachine(null);
    private volatile BillTable table;
    /** The note last reported in escrow, so STACK can be remembered with its amount. */
    private Money inEscrow;
    public CcnetBillAcceptor(SerialLink port, PendingNotes pending, PollSettings settings) {
        super("ccnet", port, pending, settings);
        this.link = new CcnetLink(port, CcnetFrame.BILL_VALIDATOR, (int) settings.responseTimeout().toMillis(),
                settings.retries());
    }

    // Commands from the flow: queued for the poller thread, which keeps their order ---------------------------------

    // The poller ------------------------------------------------------------------------------------------------------

    /**
     * First contact (and again after the line was lost): POLL before RESET, because RESET makes the device forget a
     * "stacked" it has not had an ACK for. Then RESET, identification, bill table, and the wanted notes.
     */
    @Override
    protected void initialize() throws DeviceException {
        port.open();
        poll();
        settleBeforeReset();
        pendingAtStart = false;
        link.request(CcnetCommand.RESET);
        resetAccepted();
        machine.forget();
        Identity id = parseIdentity(link.request(CcnetCommand.IDENTIFICATION, new byte[0], null));
        BillTable t = BillTable.parse(link.request(CcnetCommand.GET_BILL_TABLE, new byte[0], null));
        table = t;
        machine.table(t);
        identity = id; // published last: whoever sees the identity also sees the table
        initialized = true;
        log.info("ccnet validator on {}: part={} serial={} notes={}", port.name(), identity.part(), identity.serial(),
                t.known().stream().map(e -> e.amount().plain() + "@" + e.billType()).toList());
        applyEnable();
    }

    /**
     * A note on its way down (we died after STACK) must finish and be reported before RESET, or RESET ends its
     * story unheard: a few more polls, as long as the validator says it is stacking or returning.
     */
    private void settleBeforeReset() throws DeviceException {
        for (int i = 0; i < 10 && busy(machine.previous()); i++) {
            try {
                Thread.sleep(settings.pollWhileEnabled().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceException.Code.OFFLINE, "interrupted while the note settles", e);
            }
            poll();
        }
    }

    private static boolean busy(CcnetStatus s) {
        return s != null && (s.state() == CcnetState.STACKING || s.state() == CcnetState.RETURNING);
    }

    @Override
    protected void poll() throws DeviceException {
        link.request(CcnetCommand.POLL, new byte[0], payload -> {
            for (CcnetMachine.Signal s : machine.onStatus(CcnetStatus.parse(payload))) {
                handle(s);
            }
        });
    }

    /** Runs inside the poll, before the ACK: a stacked note is on disk before the device may forget it. */
    private void handle(CcnetMachine.Signal s) throws DeviceException {
        if (s instanceof CcnetMachine.Signal.Emit e) {
            if (e.event() instanceof BillEvent.Fault f && f.outOfService()) {
                fault = f.code();
            } else if (e.event() instanceof BillEvent.Recovered) {
                fault = null;
            } else if (e.event() instanceof BillEvent.Escrowed x) {
                inEscrow = x.amount();
            } else if (e.event() instanceof BillEvent.Returned) {
                inEscrow = null;
                resolveStacking(false);
            }
            emit(e.event());
        } else if (s instanceof CcnetMachine.Signal.NoteStacked n) {
            if (pendingAtStart) {
                // The device still shows the "stacked" of a note we wrote down before we died; it is the note we
                // just raised again (a new STACK only ever follows the acknowledgement of the last note).
                log.warn("device still reports the note stacked before the restart; already raised from memory");
                return;
            }
            inEscrow = null;
            Optional<PendingNotes.Note> intent = pending.stacking();
            // The id remembered with STACK when it is this note, so every life calls the note the same.
            String noteId = intent.isPresent() && intent.get().amount().equals(n.amount())
                    ? intent.get().noteId() : pending.newId();
            try {
                pending.record(noteId, n.amount());
                resolveStacking(false);
            } catch (IOException e) {
                // No ACK without the record: the device keeps reporting the note and we try again next poll.
                machine.forget();
                throw new DeviceException(DeviceException.Code.FAILURE, "cannot record stacked note", e);
            }
            emit(new BillEvent.Stacked(n.amount(), noteId));
        } else if (s instanceof CcnetMachine.Signal.UnvaluedStacked u) {
            if (pendingAtStart) {
                log.warn("device still reports the note stacked before the restart; already raised from memory");
                return;
            }
            Optional<PendingNotes.Note> intent = pending.stacking();
            if (intent.isPresent()) {
                // We died after STACK: the note stacked now is the one remembered with it.
                if (!resolveStacking(true)) {
                    machine.forget();
                    throw new DeviceException(DeviceException.Code.FAILURE, "cannot record stacked note");
                }
                emit(new BillEvent.Stacked(intent.get().amount(), intent.get().noteId()));
            } else {
                log.error("bill type {} stacked before the bill table was read: raised as a note of unknown amount",
                        u.billType());
                emit(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, null, pending.newId()));
            }
        } else if (s instanceof CcnetMachine.Signal.PoweredUp p) {
            inEscrow = null;
            poweredUp(p.where());
            initialized = false;
        } else if (s instanceof CcnetMachine.Signal.UnknownInEscrow u) {
            log.warn("bill type {} in escrow is not in the table: returning it", u.billType());
            commands.add(() -> send(CcnetCommand.RETURN, "return unknown"));
        }
    }

    @Override
    protected void writeEnable() throws DeviceException {
        byte[] mask = table.mask(wanted);
        // Escrow for every enabled type: the flow decides each note (stack or return) before it is taken.
        byte[] data = {mask[0], mask[1], mask[2], mask[0], mask[1], mask[2]};
        link.request(CcnetCommand.ENABLE_BILL_TYPES, data, null);
    }

    @Override
    protected void sendStack() {
        send(CcnetCommand.STACK, "stack");
    }

    @Override
    protected void sendReturn() {
        send(CcnetCommand.RETURN, "return");
    }

    @Override
    protected Optional<Money> noteInEscrow() {
        return Optional.ofNullable(inEscrow);
    }

    private void send(int command, String what) {
        send(() -> link.request(command), what);
    }

    static Identity parseIdentity(byte[] payload) {
        // IDENTIFICATION: part number 15 bytes, serial number 12 bytes, asset number 7 bytes (CCNET description).
        String part = ascii(payload, 0, 15);
        String serial = ascii(payload, 15, 12);
        return new Identity(part, serial);
    }

    private static String ascii(byte[] b, int from, int n) {
        if (b.length < from + n) {
            return "";
        }
        return new String(b, from, n, StandardCharsets.US_ASCII).strip();
    }

    @Override
    public List<Money> denominations() {
        BillTable t = table;
        return t == null ? List.of() : t.known().stream().map(BillTable.Entry::amount).toList();
    }

    @Override
    public DeviceHealth checkHealth() {
        DeviceHealth bad = unhealthy();
        if (bad != null) {
            return bad;
        }
        CcnetLink.Counters c = link.counters();
        return new DeviceHealth(DEVICE, c.retries() > c.requests() / 20 ? DeviceHealth.State.DEGRADED
                : DeviceHealth.State.OK, "ccnet on " + port.name() + " retries=" + c.retries() + "/" + c.requests());
    }

    /** Line counters, for the bench and the service tool. */
    public CcnetLink.Counters counters() {
        return link.counters();
    }

}
