package org.topupkiosk.device.cash;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * What every polled bill acceptor driver shares, whatever its protocol: the flow's commands (enable, stack, return,
 * acknowledge) are queued for the poller thread ({@link BillPoller}), which keeps their order; first contact polls
 * before RESET and lets a note on its way settle; health reads faults and the line counters; and the crash-safety of
 * stacked notes is kept in one place ({@link NoteKeeper}). Subclasses speak their protocol: RESET, identification and
 * note table, one poll, STACK, RETURN, and the enable mask.
 */
public abstract class PolledBillAcceptor extends BillPoller implements BillAcceptor, AcceptorIdentity {

    private static final Logger log = LoggerFactory.getLogger(PolledBillAcceptor.class);

    /** The crash-safety of stacked notes; see {@link NoteKeeper}. */
    protected final NoteKeeper notes;
    protected volatile Identity identity;
    protected volatile String fault;
    protected Set<Money> wanted = Set.of();

    private final int stackCommand;
    private final int returnCommand;

    /** The fault code of a note table this build cannot use, read {@value #BAD_TABLE_TRIES} times running. */
    public static final String BAD_TABLE = "bill-table-malformed";
    /** First contacts that may end on an unusable note table before the acceptor is out of service. */
    public static final int BAD_TABLE_TRIES = 3;
    private String badTable;
    private int badTables;
    /** Out of service on the note table: no more RESETs until the device reports a power-up (or the kiosk restarts). */
    private boolean tableRefused;

    /** @param stackCommand and {@code returnCommand}: the protocol's codes for STACK and RETURN of the note in escrow */
    protected PolledBillAcceptor(String protocol, SerialLink port, PendingNotes pending, PollSettings settings,
                                 int stackCommand, int returnCommand) {
        super(protocol, port, settings);
        this.notes = new NoteKeeper(pending, this::emit);
        this.stackCommand = stackCommand;
        this.returnCommand = returnCommand;
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

    /** Sends an operation command that carries no data (STACK, RETURN). */
    protected abstract void sendCommand(int command) throws DeviceException;

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
    public void start(Listener l) {
        startPolling(l);
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
        stack(null);
    }

    /** {@code ref} goes to disk with the note before STACK and stays with it until acknowledged. */
    @Override
    public void stack(String ref) {
        commands.add(() -> {
            notes.rememberStacking(noteInEscrow(), ref);
            send(stackCommand, "stack");
        });
    }

    @Override
    public void returnBill() {
        commands.add(() -> send(returnCommand, "return"));
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
        try {
            identify();
        } catch (DeviceException e) {
            if (badTable == null) {
                throw e;
            }
            refuseTable(badTable);
            return; // the line is fine: not offline, only not usable
        }
        badTables = 0;
        if (BAD_TABLE.equals(fault)) {
            fault = null;
            emit(new BillEvent.Recovered());
        }
        initialized = true;
        applyEnable();
    }

    /**
     * For {@link #identify()}: the note table the device sent cannot be used (malformed, or no note this kiosk takes).
     * Throw what this returns. After {@link #BAD_TABLE_TRIES} first contacts in a row end so, the acceptor is out of
     * service with {@link #BAD_TABLE}, in its health and as a {@link BillEvent.Fault}, and is not reset again until it
     * reports a power-up: a table that cannot be read once is not read by resetting for ever.
     */
    protected final DeviceException badTable(String why) {
        badTable = why;
        return new DeviceException(DeviceException.Code.FAILURE, "unusable note table: " + why);
    }

    private void refuseTable(String why) {
        badTable = null;
        badTables++;
        if (badTables < BAD_TABLE_TRIES) {
            log.warn("{} on {}: unusable note table ({}), try {} of {}", protocol, port.name(), why, badTables,
                    BAD_TABLE_TRIES);
            return;
        }
        tableRefused = true;
        fault = BAD_TABLE;
        log.error("{} on {}: out of service, the note table is unusable after {} tries ({}); fix the acceptor's "
                + "firmware or currency set, then power-cycle it or restart the kiosk", protocol, port.name(),
                badTables, why);
        emit(new BillEvent.Fault(BAD_TABLE, true));
    }

    /**
     * The device reported a power-up: whatever refused its note table may have changed (a technician swapped the
     * unit or its firmware), so the next pass tries a first contact again.
     */
    protected final void deviceRestarted() {
        if (tableRefused) {
            log.info("{} on {}: power-up reported, reading the note table again", protocol, port.name());
            tableRefused = false;
            badTables = 0;
        }
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

    @Override
    protected final void beforeFirstPass() {
        notes.replay();
    }

    @Override
    protected final void pass() throws DeviceException {
        if (tableRefused) {
            poll(); // no RESET while out of service on the table; a power-up report tries again
            return;
        }
        if (!initialized) {
            initialize();
        }
        runCommands();
        poll();
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

    /** A note in escrow that the table does not know goes back at the next chance. */
    protected final void returnUnknownNote() {
        commands.add(() -> send(returnCommand, "return unknown"));
    }

    private void send(int command, String what) {
        send(() -> sendCommand(command), what);
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

    @Override
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** Offline or failed; degraded when more than one request in twenty needed a retry. */
    @Override
    public DeviceHealth checkHealth() {
        if (offline()) {
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
}
