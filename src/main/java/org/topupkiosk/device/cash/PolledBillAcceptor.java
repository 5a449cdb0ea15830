package org.topupkiosk.device.cash;

import java.io.IOException;
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
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * What every polled bill acceptor driver shares, whatever its protocol: one poller thread owns the line and runs the
 * flow's commands (enable, stack, return, acknowledge) in the order they came, between polls; events go out after each
 * pass; offline and recovery are counted the same way; and the crash-safety of stacked notes is kept here, in one
 * place: notes stacked but never acknowledged are raised again at start with their ids, and the note in escrow is
 * written down before STACK so a power cut mid-stack still names it. Subclasses speak their protocol: first contact,
 * one poll, STACK, RETURN, and the enable mask.
 */
public abstract class PolledBillAcceptor implements BillAcceptor, AcceptorIdentity {

    private static final Logger log = LoggerFactory.getLogger(PolledBillAcceptor.class);
    protected static final String DEVICE = "bill-acceptor";
    /** Consecutive failed exchanges before the device counts as offline (one is line noise). */
    private static final int OFFLINE_AFTER = 3;

    protected final SerialLink port;
    protected final PendingNotes pending;
    protected final PollSettings settings;
    protected final DeviceLifecycle life = new DeviceLifecycle(DEVICE);
    protected final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final List<BillEvent> outbox = new ArrayList<>();
    private final String protocol;

    private volatile Listener listener;
    private volatile Thread poller;
    private volatile boolean running;
    protected volatile Identity identity;
    protected volatile String fault;
    protected Set<Money> wanted = Set.of();
    protected boolean initialized;
    protected boolean pendingAtStart;
    private int failures;
    private boolean offlineReported;

    protected PolledBillAcceptor(String protocol, SerialLink port, PendingNotes pending, PollSettings settings) {
        this.protocol = protocol;
        this.port = port;
        this.pending = pending;
        this.settings = settings;
    }

    // Protocol --------------------------------------------------------------------------------------------------------

    /** First contact (and again after the line was lost): see the subclass for what it asks before RESET. */
    protected abstract void initialize() throws DeviceException;

    /** One status exchange; signals are handled inside it, before the device gets its ACK. */
    protected abstract void poll() throws DeviceException;

    protected abstract void sendStack();

    protected abstract void sendReturn();

    /** Sends the enable mask for {@link #wanted}; called only when initialized. */
    protected abstract void writeEnable() throws DeviceException;

    /** The note the device last reported in escrow, if any. */
    protected abstract Optional<Money> noteInEscrow();

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
        Thread t = new Thread(this::run, protocol + "-poller");
        t.setDaemon(true);
        poller = t;
        t.start();
    }

    // Commands from the flow: queued for the poller thread, which keeps their order -----------------------------------

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
            sendStack();
        });
    }

    @Override
    public void returnBill() {
        commands.add(this::sendReturn);
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
                log.error("{} poller: unexpected error, going on", protocol, e);
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

    protected final void applyEnable() {
        if (!initialized) {
            return;
        }
        try {
            writeEnable();
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

    /** Before STACK: the note in escrow and its future id go to disk (see {@link PendingNotes#recordStacking}). */
    private void rememberStacking() {
        Optional<Money> m = noteInEscrow();
        if (m.isEmpty()) {
            return;
        }
        try {
            pending.recordStacking(new PendingNotes.Note(pending.newId(), m.get()));
        } catch (IOException e) {
            // Stack anyway: "stacked" is still credited as usual; only a power cut now would leave the note unnamed.
            log.warn("could not remember the note being stacked ({}): a power cut now leaves it unidentified",
                    m.get().plain(), e);
        }
    }

    /** @return false when the disk would not take it (logged) */
    protected final boolean resolveStacking(boolean stacked) {
        try {
            pending.resolveStacking(stacked);
            return true;
        } catch (IOException e) {
            log.error("could not resolve the stacking record (stacked={})", stacked, e);
            return false;
        }
    }

    /**
     * The device reported a power-up (CCNET 0x10-0x12, ID003 0x40-0x42), with a note where {@code where} says. A note
     * in the stacker is named by {@link PendingNotes#nameNoteInStacker}: the note of the STACK the power cut, or, when
     * an earlier life already named this same report and died before its RESET reached the device, that note again
     * under the same id (the journal keys notes by id, so it is credited once). Only a report nothing explains is
     * raised with amount unknown. The caller re-initializes (RESET) the device.
     */
    protected final void poweredUp(BillEvent.PowerUpWithBill.Location where) {
        if (where == BillEvent.PowerUpWithBill.Location.STACKER) {
            Optional<PendingNotes.Note> note;
            try {
                note = pending.nameNoteInStacker();
            } catch (IOException e) {
                log.error("could not record the note in the stacker: raised with amount unknown", e);
                emit(new BillEvent.PowerUpWithBill(where, null,
                        pending.stacking().map(PendingNotes.Note::noteId).orElseGet(pending::newId)));
                return;
            }
            if (note.isPresent()) {
                log.warn("power-up with a bill in the stacker: the note stacked last, {} as {}",
                        note.get().amount().plain(), note.get().noteId());
                emit(new BillEvent.PowerUpWithBill(where, note.get().amount(), note.get().noteId()));
            } else {
                log.error("power-up with a bill in the stacker that no STACK explains: raised with amount unknown");
                emit(new BillEvent.PowerUpWithBill(where, null, pending.newId()));
            }
        } else if (where != null) {
            resolveStacking(false);
            emit(new BillEvent.PowerUpWithBill(where, null, pending.newId()));
        }
    }

    /** The device took our RESET: whatever it reported at power-up is over (see {@link #poweredUp}). */
    protected final void resetAccepted() {
        pending.stackerReportCleared();
    }

    /** Runs a protocol command from the queue; a failure counts towards offline like any exchange. */
    protected final void send(Exchange exchange, String what) {
        try {
            exchange.run();
        } catch (DeviceException e) {
            log.warn("{} {} failed: {}", protocol, what, e.getMessage());
            trouble(e);
        }
    }

    @FunctionalInterface
    protected interface Exchange {
        void run() throws DeviceException;
    }

    private void online() {
        failures = 0;
        life.power(DeviceLifecycle.Power.ONLINE);
        if (offlineReported) {
            offlineReported = false;
            emit(new BillEvent.Recovered());
        }
    }

    protected final void trouble(DeviceException e) {
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
            log.debug("{} exchange failed ({}): {}", protocol, failures, e.getMessage());
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

    protected final void emit(BillEvent e) {
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

    @Override
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** Offline or failed, as every protocol sees it; null when the line is up and no fault is set. */
    protected final DeviceHealth unhealthy() {
        if (offlineReported || life.power() == DeviceLifecycle.Power.OFFLINE) {
            return new DeviceHealth(DEVICE, DeviceHealth.State.OFFLINE, "no answer on " + port.name());
        }
        String f = fault;
        return f == null ? null : new DeviceHealth(DEVICE, DeviceHealth.State.FAILED, f);
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
