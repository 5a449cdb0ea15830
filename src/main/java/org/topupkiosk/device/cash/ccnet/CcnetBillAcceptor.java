package org.topupkiosk.device.cash.ccnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;
import org.topupkiosk.device.cash.AcceptorIdentity;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * A CashCode CCNET bill validator behind the {@link BillAcceptor} port. One poller thread owns the line: it runs the
 * flow's commands (enable, stack, return, acknowledge) in the order they came, between polls. Start-up polls before
 * it resets, so a "stacked" the device still holds from before a crash is seen, then reads identification and the
 * bill table. A stacked note is written to {@link PendingNotes} before the device gets its ACK and before the flow
 * hears of it; see {@link #start}.
 */
public final class CcnetBillAcceptor implements BillAcceptor, AcceptorIdentity {

    private static final Logger log = LoggerFactory.getLogger(CcnetBillAcceptor.class);
    private static final String DEVICE = "bill-acceptor";
    /** Consecutive failed exchanges before the device counts as offline (one is line noise). */
    private static final int OFFLINE_AFTER = 3;

    private final SerialLink port;
    private final PendingNotes pending;
    private final CcnetSettings settings;
    private final CcnetLink link;
    private final CcnetMachine machine = new CcnetMachine(null);
    private final DeviceLifecycle life = new DeviceLifecycle(DEVICE);
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final List<BillEvent> outbox = new ArrayList<>();

    private volatile Listener listener;
    private volatile Thread poller;
    private volatile boolean running;
    private volatile BillTable table;
    private volatile Identity identity;
    private volatile String fault;
    /** The note last reported in escrow, so STACK can be remembered with its amount. */
    private Money inEscrow;
    private Set<Money> wanted = Set.of();
    private boolean initialized;
    private boolean pendingAtStart;
    private int failures;
    private boolean offlineReported;

    public CcnetBillAcceptor(SerialLink port, PendingNotes pending, CcnetSettings settings) {
        this.port = port;
        this.pending = pending;
        this.settings = settings;
        this.link = new CcnetLink(port, CcnetFrame.BILL_VALIDATOR, (int) settings.responseTimeout().toMillis(),
                settings.retries());
    }

    /**
     * Opens and claims the device and starts the poller. Notes that were stacked but never acknowledged (the kiosk
     * died between "stacked" and the journal commit, or between the commit and the acknowledgement) come first, as
     * {@code PowerUpWithBill(STACKER)} with their original ids, so the journal credits each exactly once.
     */
    @Override
    public synchronized void start(Listener l) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = l;
        life.open();
        try {
            life.claim();
        } catch (DeviceException e) {
            throw new IllegalStateException(e);
        }
        running = true;
        Thread t = new Thread(this::run, "ccnet-poller");
        t.setDaemon(true);
        poller = t;
        t.start();
    }

    // Commands from the flow: queued for the poller thread, which keeps their order ---------------------------------

    @Override
    public void enable(Set<Money> denominations) {
        Set<Money> copy = Set.copyOf(denominations);
        commands.add(() -> {
            wanted = copy;
            applyEnable();
        });
    }

    @Override
    public void disable() {
        commands.add(() -> {
            wanted = Set.of();
            applyEnable();
        });
    }

    @Override
    public void stack() {
        commands.add(() -> {
            rememberStacking();
            send(CcnetCommand.STACK, "stack");
        });
    }

    @Override
    public void returnBill() {
        commands.add(() -> send(CcnetCommand.RETURN, "return"));
    }

    /** Runs after the journal commit; queued behind nothing the flow sent later, so before the next STACK. */
    @Override
    public void acknowledge(String noteId) {
        commands.add(() -> pending.clear(noteId));
    }

    // The poller ------------------------------------------------------------------------------------------------------

    private void run() {
        replayPending();
        while (running) {
            try {
                if (!initialized) {
                    initialize();
                }
                Runnable c;
                while ((c = commands.poll()) != null) {
                    c.run();
                }
                poll();
                online();
            } catch (DeviceException e) {
                trouble(e);
            } catch (RuntimeException e) {
                log.error("ccnet poller: unexpected error, going on", e);
            }
            flush();
            waitForWork();
        }
    }

    private void replayPending() {
        List<PendingNotes.Note> notes = pending.all();
        pendingAtStart = !notes.isEmpty();
        for (PendingNotes.Note n : notes) {
            log.warn("note {} ({}) was stacked but never acknowledged: raising it again", n.noteId(), n.amount().plain());
            emit(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, n.amount(), n.noteId()));
        }
        flush();
    }

    /**
     * First contact (and again after the line was lost): POLL before RESET, because RESET makes the device forget a
     * "stacked" it has not had an ACK for. Then RESET, identification, bill table, and the wanted notes.
     */
    private void initialize() throws DeviceException {
        port.open();
        poll();
        settleBeforeReset();
        pendingAtStart = false;
        link.request(CcnetCommand.RESET);
        machine.forget();
        byte[] id = link.request(CcnetCommand.IDENTIFICATION, new byte[0], null);
        identity = parseIdentity(id);
        BillTable t = BillTable.parse(link.request(CcnetCommand.GET_BILL_TABLE, new byte[0], null));
        table = t;
        machine.table(t);
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

    private void poll() throws DeviceException {
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
            Optional<PendingNotes.Note> intent = pending.stacking();
            if (p.where() == BillEvent.PowerUpWithBill.Location.STACKER && intent.isPresent()) {
                // The power failed while the note we sent STACK for went down: it is that note. It becomes a pending
                // note under the id it was given at STACK, so a crash from here on raises it again, never twice.
                PendingNotes.Note note = intent.get();
                if (resolveStacking(true)) {
                    log.warn("power-up with a bill in the stacker: the note stacked last, {} as {}",
                            note.amount().plain(), note.noteId());
                    emit(new BillEvent.PowerUpWithBill(p.where(), note.amount(), note.noteId()));
                } else {
                    emit(new BillEvent.PowerUpWithBill(p.where(), null, note.noteId()));
                }
            } else if (p.where() != null) {
                resolveStacking(false);
                emit(new BillEvent.PowerUpWithBill(p.where(), null, pending.newId()));
            }
            initialized = false;
        } else if (s instanceof CcnetMachine.Signal.UnknownInEscrow u) {
            log.warn("bill type {} in escrow is not in the table: returning it", u.billType());
            commands.add(() -> send(CcnetCommand.RETURN, "return unknown"));
        }
    }

    /** Before STACK: the note in escrow and its future id go to disk (see {@link PendingNotes#recordStacking}). */
    private void rememberStacking() {
        Money m = inEscrow;
        if (m == null) {
            return;
        }
        try {
            pending.recordStacking(new PendingNotes.Note(pending.newId(), m));
        } catch (IOException e) {
            // Stack anyway: "stacked" is still credited as usual; only a power cut now would leave the note unnamed.
            log.warn("could not remember the note being stacked ({}): a power cut now leaves it unidentified", m.plain(), e);
        }
    }

    /** @return false when the disk would not take it (logged) */
    private boolean resolveStacking(boolean stacked) {
        try {
            pending.resolveStacking(stacked);
            return true;
        } catch (IOException e) {
            log.error("could not resolve the stacking record (stacked={})", stacked, e);
            return false;
        }
    }

    private void applyEnable() {
        BillTable t = table;
        if (t == null || !initialized) {
            return;
        }
        byte[] mask = t.mask(wanted);
        // Escrow for every enabled type: the flow decides each note (stack or return) before it is taken.
        byte[] data = {mask[0], mask[1], mask[2], mask[0], mask[1], mask[2]};
        try {
            link.request(CcnetCommand.ENABLE_BILL_TYPES, data, null);
            if (wanted.isEmpty()) {
                life.disable();
            } else {
                life.enable();
            }
        } catch (DeviceException e) {
            trouble(e);
            initialized = false;
        }
    }

    private void send(int command, String what) {
        try {
            link.request(command);
        } catch (DeviceException e) {
            log.warn("ccnet {} failed: {}", what, e.getMessage());
            trouble(e);
        }
    }

    private void online() {
        failures = 0;
        life.power(DeviceLifecycle.Power.ONLINE);
        if (offlineReported) {
            offlineReported = false;
            emit(new BillEvent.Recovered());
        }
    }

    private void trouble(DeviceException e) {
        if (!running) {
            return; // closing: the interrupted read is ours
        }
        failures++;
        if (e.code() == DeviceException.Code.OFFLINE || failures >= OFFLINE_AFTER) {
            life.power(DeviceLifecycle.Power.OFFLINE);
            initialized = false;
            if (!offlineReported) {
                offlineReported = true;
                log.error("bill acceptor offline on {}: {}", port.name(), e.getMessage());
                emit(new BillEvent.Fault("offline", true));
            }
        } else {
            log.debug("ccnet exchange failed ({}): {}", failures, e.getMessage());
        }
    }

    private void waitForWork() {
        long ms = offlineReported ? 1000
                : (life.isEnabled() ? settings.pollWhileEnabled() : settings.pollWhileDisabled()).toMillis();
        try {
            Runnable c = commands.poll(ms, TimeUnit.MILLISECONDS);
            if (c != null) {
                c.run(); // it was the head of the queue; the rest run at the top of the loop, in order
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void emit(BillEvent e) {
        outbox.add(e);
    }

    private void flush() {
        Listener l = listener;
        for (BillEvent e : outbox) {
            if (l != null) {
                l.onBillEvent(e);
            }
        }
        outbox.clear();
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
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public List<Money> denominations() {
        BillTable t = table;
        return t == null ? List.of() : t.known().stream().map(BillTable.Entry::amount).toList();
    }

    @Override
    public DeviceHealth checkHealth() {
        if (offlineReported || life.power() == DeviceLifecycle.Power.OFFLINE) {
            return new DeviceHealth(DEVICE, DeviceHealth.State.OFFLINE, "no answer on " + port.name());
        }
        String f = fault;
        if (f != null) {
            return new DeviceHealth(DEVICE, DeviceHealth.State.FAILED, f);
        }
        CcnetLink.Counters c = link.counters();
        return new DeviceHealth(DEVICE, c.retries() > c.requests() / 20 ? DeviceHealth.State.DEGRADED
                : DeviceHealth.State.OK, "ccnet on " + port.name() + " retries=" + c.retries() + "/" + c.requests());
    }

    /** Line counters, for the bench and the service tool. */
    public CcnetLink.Counters counters() {
        return link.counters();
    }

    @Override
    public void close() {
        running = false;
        Thread t = poller;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        life.release();
        life.close();
        port.close();
    }
}
