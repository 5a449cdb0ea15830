package org.topupkiosk.device.cash.id003;

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
import org.topupkiosk.device.cash.ccnet.CcnetSettings;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * A JCM ID003 bill acceptor behind the {@link BillAcceptor} port, in the same shape as the CCNET driver: one poller
 * thread owns the line and runs the flow's commands (enable, stack, return, acknowledge) in order between status
 * requests. Start-up asks for the status before it resets, so a VEND VALID the acceptor still holds from before a crash
 * is seen and acknowledged, then reads the version and sets the enabled notes. On VEND VALID the note is written to
 * {@link PendingNotes} before the ACK and before the flow hears of it. Timing reuses {@link CcnetSettings}: both
 * protocols poll the same way.
 */
public final class Id003BillAcceptor implements BillAcceptor, AcceptorIdentity {

    private static final Logger log = LoggerFactory.getLogger(Id003BillAcceptor.class);
    private static final String DEVICE = "bill-acceptor";
    /** Consecutive failed exchanges before the device counts as offline (one is line noise). */
    private static final int OFFLINE_AFTER = 3;

    private final SerialLink port;
    private final PendingNotes pending;
    private final CcnetSettings settings;
    private final Id003Denominations table;
    private final Id003Link link;
    private final Id003Machine machine;
    private final DeviceLifecycle life = new DeviceLifecycle(DEVICE);
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final List<BillEvent> outbox = new ArrayList<>();

    private volatile Listener listener;
    private volatile Thread poller;
    private volatile boolean running;
    private volatile Identity identity;
    private volatile String fault;
    private Set<Money> wanted = Set.of();
    private boolean initialized;
    private boolean pendingAtStart;
    private int failures;
    private boolean offlineReported;

    public Id003BillAcceptor(SerialLink port, PendingNotes pending, CcnetSettings settings, Id003Denominations table) {
        this.port = port;
        this.pending = pending;
        this.settings = settings;
        this.table = table;
        this.link = new Id003Link(port, (int) settings.responseTimeout().toMillis(), settings.retries());
        this.machine = new Id003Machine(table);
    }

    /**
     * Opens and claims the device and starts the poller. Notes stacked but never acknowledged come first, as
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
        Thread t = new Thread(this::run, "id003-poller");
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
            send(Id003Frame.STACK_1, "stack");
        });
    }

    @Override
    public void returnBill() {
        commands.add(() -> send(Id003Frame.RETURN, "return"));
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
                log.error("id003 poller: unexpected error, going on", e);
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
     * First contact (and again after the line was lost): STATUS REQUEST before RESET, because RESET makes the acceptor
     * drop a VEND VALID it has not had an ACK for. Then RESET, version, and the wanted notes.
     */
    private void initialize() throws DeviceException {
        port.open();
        poll();
        settleBeforeReset();
        pendingAtStart = false;
        link.command(Id003Frame.RESET);
        machine.forget();
        Id003Frame version = link.command(Id003Frame.VERSION_REQUEST);
        identity = parseIdentity(version.data());
        initialized = true;
        log.info("id003 acceptor on {}: version={} notes={}", port.name(), identity.part(),
                table.known().stream().map(Money::plain).toList());
        applyEnable();
    }

    /** A note on its way down must reach VEND VALID before RESET, or RESET ends its story unheard. */
    private void settleBeforeReset() throws DeviceException {
        for (int i = 0; i < 10 && machine.previous() != null
                && machine.previous().state() == Id003State.STACKING; i++) {
            try {
                Thread.sleep(settings.pollWhileEnabled().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceException.Code.OFFLINE, "interrupted while the note settles", e);
            }
            poll();
        }
    }

    /** Before STACK: the note in escrow and its future id go to disk (see {@link PendingNotes#recordStacking}). */
    private void rememberStacking() {
        Optional<Money> m = machine.inEscrow();
        if (m.isEmpty()) {
            return;
        }
        try {
            pending.recordStacking(new PendingNotes.Note(pending.newId(), m.get()));
        } catch (IOException e) {
            log.warn("could not remember the note being stacked ({}): a power cut now leaves it unidentified",
                    m.get().plain(), e);
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

    private void poll() throws DeviceException {
        link.status(reply -> {
            for (Id003Machine.Signal s : machine.onStatus(Id003Status.parse(reply))) {
                handle(s);
            }
        });
    }

    /** Runs inside the status request, before the ACK of VEND VALID: the note is on disk before the acceptor moves on. */
    private void handle(Id003Machine.Signal s) throws DeviceException {
        if (s instanceof Id003Machine.Signal.Emit e) {
            if (e.event() instanceof BillEvent.Fault f && f.outOfService()) {
                fault = f.code();
            } else if (e.event() instanceof BillEvent.Recovered) {
                fault = null;
            } else if (e.event() instanceof BillEvent.Returned) {
                resolveStacking(false);
            }
            emit(e.event());
        } else if (s instanceof Id003Machine.Signal.NoteStacked n) {
            Optional<PendingNotes.Note> intent = pending.stacking();
            // The id remembered with STACK when it is this note, so every life calls the note the same.
            String noteId = intent.isPresent() && intent.get().amount().equals(n.amount())
                    ? intent.get().noteId() : pending.newId();
            try {
                pending.record(noteId, n.amount());
                resolveStacking(false);
            } catch (IOException e) {
                // No ACK without the record: the acceptor keeps reporting VEND VALID and we try again next poll.
                machine.vendNotRecorded(n.amount());
                throw new DeviceException(DeviceException.Code.FAILURE, "cannot record stacked note", e);
            }
            emit(new BillEvent.Stacked(n.amount(), noteId));
        } else if (s instanceof Id003Machine.Signal.UnknownStacked) {
            if (pendingAtStart) {
                // The acceptor still shows the VEND VALID of a note we wrote down before we died: the note we just
                // raised again from memory (a new STACK only ever follows the acknowledgement of the last note).
                log.warn("acceptor still reports the vend valid from before the restart; already raised from memory");
                return;
            }
            Optional<PendingNotes.Note> intent = pending.stacking();
            if (intent.isPresent()) {
                // We died after STACK and before this VEND VALID: the note is the one remembered with STACK.
                if (!resolveStacking(true)) {
                    machine.forget();
                    throw new DeviceException(DeviceException.Code.FAILURE, "cannot record stacked note");
                }
                emit(new BillEvent.Stacked(intent.get().amount(), intent.get().noteId()));
                return;
            }
            log.error("VEND VALID for a note never seen in escrow: raised as a note of unknown amount in the stacker");
            emit(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, null, pending.newId()));
        } else if (s instanceof Id003Machine.Signal.PoweredUp p) {
            Optional<PendingNotes.Note> intent = pending.stacking();
            if (p.where() == BillEvent.PowerUpWithBill.Location.STACKER && intent.isPresent()) {
                // The power failed while the note we sent STACK for went down: it is that note, under its id.
                PendingNotes.Note note = intent.get();
                boolean named = resolveStacking(true);
                emit(new BillEvent.PowerUpWithBill(p.where(), named ? note.amount() : null, note.noteId()));
            } else if (p.where() != null) {
                resolveStacking(false);
                emit(new BillEvent.PowerUpWithBill(p.where(), null, pending.newId()));
            }
            initialized = false;
        } else if (s instanceof Id003Machine.Signal.UnknownInEscrow u) {
            log.warn("escrow code 0x{} is not in the denomination table: returning it", Integer.toHexString(u.escrowCode()));
            commands.add(() -> send(Id003Frame.RETURN, "return unknown"));
        }
    }

    private void applyEnable() {
        if (!initialized) {
            return;
        }
        try {
            link.command(Id003Frame.SET_ENABLE, table.inhibitMask(wanted));
            // 0xC3: 00 accepts, 01 inhibits the whole acceptor (ID-003 "inhibit" setting).
            link.command(Id003Frame.SET_INHIBIT, (byte) (wanted.isEmpty() ? 1 : 0));
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
            link.command(command);
        } catch (DeviceException e) {
            log.warn("id003 {} failed: {}", what, e.getMessage());
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
            log.debug("id003 exchange failed ({}): {}", failures, e.getMessage());
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

    /**
     * VERSION REQUEST answers with ASCII text naming model, country and firmware. We found no serial-number request
     * in the public command set we could confirm, so the serial is reported as unknown rather than guessed.
     */
    static Identity parseIdentity(byte[] data) {
        String text = new String(data, StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7E]", " ").strip();
        return new Identity(text.isEmpty() ? "unknown" : text, "unknown");
    }

    @Override
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The notes of the configured denomination table (ID003 units are not asked for theirs in this build). */
    @Override
    public List<Money> denominations() {
        return identity == null ? List.of() : table.known();
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
        Id003Link.Counters c = link.counters();
        return new DeviceHealth(DEVICE, c.retries() > c.requests() / 20 ? DeviceHealth.State.DEGRADED
                : DeviceHealth.State.OK, "id003 on " + port.name() + " retries=" + c.retries() + "/" + c.requests());
    }

    /** Line counters, for the bench and the service tool. */
    public Id003Link.Counters counters() {
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
