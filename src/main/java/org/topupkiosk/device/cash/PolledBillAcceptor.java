package org.topupkiosk.device.cash;

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
    /** The crash-safety of stacked notes; see {@link NoteKeeper}. */
    protected final NoteKeeper notes;
    private final PollSettings settings;
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
    private int failures;
    private boolean offlineReported;

    protected PolledBillAcceptor(String protocol, SerialLink port, PendingNotes pending, PollSettings settings) {
        this.protocol = protocol;
        this.port = port;
        this.notes = new NoteKeeper(pending, this::emit);
        this.settings = settings;
    }

    // Protocol --------------------------------------------------------------------------------------------------------

    /** One status exchange; signals are handled inside it, before the device gets its ACK. */
    protected abstract void poll() throws DeviceException;

    /** True while the device says a note is on its way down or back (stacking, returning). */
    protected abstract boolean noteOnItsWay();

    /** Sends RESET; the protocol's machine forgets what it heard before. */
    protected abstract void reset() throws DeviceException;

    /** After RESET: reads what the device is and which notes it takes, and publishes {@link #identity} last. */
    protected abstract void identify() throws DeviceException;

    /** The line's request and retry loop, for its counters. */
    protected abstract PolledLink<?> link();

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
            notes.rememberStacking(noteInEscrow());
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
        commands.add(() -> notes.acknowledge(noteId));
    }

    // The poller ------------------------------------------------------------------------------------------------------

    /**
     * First contact (and again after the line was lost): a status exchange before RESET, because RESET makes the device
     * forget a "stacked" it has not had an ACK for (CCNET) or drop an unacknowledged VEND VALID (ID003). Then RESET,
     * what the device is and its notes, and the wanted notes.
     */
    private void initialize() throws DeviceException {
        port.open();
        poll();
        settleBeforeReset();
        notes.startIsOver();
        reset();
        notes.resetAccepted();
        identify();
        initialized = true;
        applyEnable();
    }

    /**
     * A note on its way down (we died after STACK) must finish and be reported before RESET, or RESET ends its story
     * unheard: a few more polls, as long as the device says it is busy with the note.
     */
    private void settleBeforeReset() throws DeviceException {
        for (int i = 0; i < 10 && noteOnItsWay(); i++) {
            try {
                Thread.sleep(settings.pollWhileEnabled().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceException.Code.OFFLINE, "interrupted while the note settles", e);
            }
            poll();
        }
    }

    private void run() {
        notes.replay();
        flush();
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

    /** An event the protocol's machine raised: faults are remembered for health, a return ends a STACK intent. */
    protected final void deviceEvent(BillEvent event) {
        if (event instanceof BillEvent.Fault f && f.outOfService()) {
            fault = f.code();
        } else if (event instanceof BillEvent.Recovered) {
            fault = null;
        } else if (event instanceof BillEvent.Returned) {
            notes.resolveStacking(false);
        }
        emit(event);
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

    /** Offline or failed; degraded when more than one request in twenty needed a retry. */
    @Override
    public DeviceHealth checkHealth() {
        if (offlineReported || life.power() == DeviceLifecycle.Power.OFFLINE) {
            return new DeviceHealth(DEVICE, DeviceHealth.State.OFFLINE, "no answer on " + port.name());
        }
        String f = fault;
        if (f != null) {
            return new DeviceHealth(DEVICE, DeviceHealth.State.FAILED, f);
        }
        PolledLink.Counters c = counters();
        DeviceHealth.State state = c.retries() > c.requests() / 20 ? DeviceHealth.State.DEGRADED : DeviceHealth.State.OK;
        return new DeviceHealth(DEVICE, state,
                protocol + " on " + port.name() + " retries=" + c.retries() + "/" + c.requests());
    }

    /** Line counters, for the bench and the service tool. */
    public PolledLink.Counters counters() {
        return link().counters();
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
