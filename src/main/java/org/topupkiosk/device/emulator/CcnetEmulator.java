package org.topupkiosk.device.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.cash.ccnet.BillTable;
import org.topupkiosk.device.cash.ccnet.CcnetCommand;
import org.topupkiosk.device.cash.ccnet.CcnetFrame;
import org.topupkiosk.device.cash.ccnet.CcnetState;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/**
 * A CCNET bill validator on the device side of a serial line, for simulation mode, tests and the chaos harness. It
 * answers the host's frames as a CashCode unit would: POLL with its state, ACK to commands, identification and the bill
 * table on request, NAK to a damaged frame. Events ("stacked", "returned", "rejecting") are held and repeated until
 * the host ACKs a reply that carried them, and the state only moves on after such an ACK, so a host that loses a reply
 * can always ask again. It keeps the cash box: every note that physically went in, whatever the host made of it.
 */
public final class CcnetEmulator implements NoteFeeder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CcnetEmulator.class);
    private static final long ESCROW_TIMEOUT_MS = 10_000;

    /** A CashCode-style ruble table; 200 and 2000 sit after 5000, as on firmware that added them later. */
    public static final List<Money> RUB_TABLE = List.of(Money.rub(10), Money.rub(50), Money.rub(100), Money.rub(500),
            Money.rub(1000), Money.rub(5000), Money.rub(200), Money.rub(2000));

    private final List<Money> slots;
    private final Random random;
    private volatile LineNoise noise;
    private final String part;
    private final String serial;

    /** A note in the slot; {@code rejectReason} > 0 makes the validator refuse it for that CCNET reason. */
    private record Insert(Money note, int rejectReason) {}

    private final Deque<Insert> slot = new ArrayDeque<>();
    private int forcedReject;
    private final List<Money> cashBox = new ArrayList<>();
    private final List<Money> unreported = new ArrayList<>();
    private CcnetState state = CcnetState.POWER_UP;
    private int data = -1;
    private int noteType = -1;
    private long escrowSinceMs;
    private byte[] enabled = new byte[3];
    private byte[] escrowMask = new byte[3];
    private CcnetState pendingFault;
    private CcnetState lastReported;
    private boolean cutPowerOnNextStack;
    private int returned;
    private int rejected;
    private Consumer<Money> onNoteStacked = m -> { };
    private Runnable onPowerCut = () -> { };

    private volatile SerialLink link;
    private volatile Thread thread;

    public CcnetEmulator(List<Money> slots, LineNoise noise, long seed) {
        this.slots = List.copyOf(slots.subList(0, Math.min(slots.size(), BillTable.TYPES)));
        this.noise = noise;
        this.random = new Random(seed);
        this.part = "SM-RU1353 EMU";
        this.serial = String.format("%012d", Math.abs(seed) % 1_000_000_000_000L);
    }

    /** Answers on {@code port} from a thread of its own until {@link #stop()}. The device state stays across links. */
    public synchronized void serve(SerialLink port) {
        stop();
        link = port;
        Thread t = new Thread(() -> loop(port), "ccnet-emulator");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops answering (the cable is pulled); the device keeps its state and its cash box. */
    public void stop() {
        Thread t = thread;
        SerialLink l = link;
        thread = null;
        link = null;
        if (t != null) {
            t.interrupt();
            if (l != null) {
                l.close();
            }
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void loop(SerialLink port) {
        FrameDecoder decoder = CcnetFrame.decoder();
        byte[] buf = new byte[256];
        while (thread == Thread.currentThread()) {
            try {
                port.open();
                int n = port.read(buf, 100);
                for (FrameDecoder.Decoded d : decoder.feed(buf, n)) {
                    byte[] reply = null;
                    if (d instanceof FrameDecoder.Decoded.Frame f) {
                        reply = answer(CcnetFrame.parse(f.bytes()));
                    } else if (d instanceof FrameDecoder.Decoded.Error e && e.kind() == FrameDecoder.Kind.BAD_CRC) {
                        reply = CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, CcnetCommand.NAK).encode();
                    }
                    if (reply != null) {
                        port.write(noise.apply(reply, random));
                    }
                }
            } catch (DeviceException e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                sleep(100);
            } catch (RuntimeException e) {
                log.error("ccnet emulator: unexpected error, going on", e);
            }
        }
    }

    /** The device's answer to one host frame, or null when it says nothing (ACK and NAK from the host). */
    synchronized byte[] answer(CcnetFrame frame) {
        if (frame.address() != CcnetFrame.BILL_VALIDATOR) {
            return null;
        }
        byte[] p = frame.payload();
        int cmd = p[0] & 0xFF;
        if (p.length == 1 && cmd == 0x00) {
            acked();
            return null;
        }
        if (p.length == 1 && cmd == CcnetCommand.NAK) {
            return null;
        }
        return switch (cmd) {
            case CcnetCommand.POLL -> reply(pollState());
            case CcnetCommand.RESET -> {
                reset();
                yield ack();
            }
            case CcnetCommand.ENABLE_BILL_TYPES -> {
                if (p.length < 7) {
                    yield reply(new byte[] {(byte) CcnetCommand.ILLEGAL_COMMAND});
                }
                enabled = Arrays.copyOfRange(p, 1, 4);
                escrowMask = Arrays.copyOfRange(p, 4, 7);
                if (state == CcnetState.UNIT_DISABLED && anyEnabled()) {
                    state = CcnetState.IDLING;
                } else if (state == CcnetState.IDLING && !anyEnabled()) {
                    state = CcnetState.UNIT_DISABLED;
                }
                yield ack();
            }
            case CcnetCommand.STACK -> decide(true);
            case CcnetCommand.RETURN -> decide(false);
            case CcnetCommand.HOLD, CcnetCommand.SET_SECURITY -> {
                escrowSinceMs = System.currentTimeMillis();
                yield ack();
            }
            case CcnetCommand.IDENTIFICATION -> reply(identification());
            case CcnetCommand.GET_BILL_TABLE -> reply(BillTable.encode(slots));
            case CcnetCommand.GET_STATUS -> {
                byte[] s = new byte[9];
                System.arraycopy(enabled, 0, s, 0, 3);
                System.arraycopy(escrowMask, 0, s, 6, 3);
                yield reply(s);
            }
            default -> reply(new byte[] {(byte) CcnetCommand.ILLEGAL_COMMAND});
        };
    }

    private byte[] decide(boolean stack) {
        boolean repeat = state == (stack ? CcnetState.STACKING : CcnetState.RETURNING);
        if (state != CcnetState.ESCROW && !repeat) {
            return reply(new byte[] {(byte) CcnetCommand.ILLEGAL_COMMAND});
        }
        if (!repeat && stack && cutPowerOnNextStack) {
            // The power fails while the note goes down: it is in the cash box, and the device wakes up saying only
            // "bill in stacker" (CCNET 0x12), not which bill.
            cutPowerOnNextStack = false;
            cashBox.add(slots.get(noteType));
            unreported.add(slots.get(noteType));
            state = CcnetState.POWER_UP_BILL_IN_STACKER;
            data = -1;
            enabled = new byte[3];
            onPowerCut.run();
        } else if (!repeat) {
            state = stack ? CcnetState.STACKING : CcnetState.RETURNING;
        }
        return ack();
    }

    /** The state a POLL reports now; time-driven changes (a note noticed, a fault, escrow timeout) happen here. */
    private byte[] pollState() {
        if (state == CcnetState.IDLING || state == CcnetState.UNIT_DISABLED) {
            if (pendingFault != null) {
                state = pendingFault;
                data = state == CcnetState.FAILURE ? 0x50 : -1;
                pendingFault = null;
            } else if (!slot.isEmpty()) {
                Insert in = slot.poll();
                if (state == CcnetState.UNIT_DISABLED) {
                    rejected++; // a disabled validator does not draw the note in
                } else {
                    noteType = in.note() == null ? -1 : slots.indexOf(in.note());
                    forcedReject = in.rejectReason();
                    state = CcnetState.ACCEPTING;
                    data = -1;
                }
            }
        }
        if (state == CcnetState.ESCROW && System.currentTimeMillis() - escrowSinceMs > ESCROW_TIMEOUT_MS) {
            state = CcnetState.RETURNING;
        }
        lastReported = state;
        return data < 0 ? new byte[] {(byte) state.code} : new byte[] {(byte) state.code, (byte) data};
    }

    /** The host ACKed our last data reply: a held event is delivered and the device moves on. */
    private void acked() {
        if (lastReported != state) {
            return;
        }
        lastReported = null;
        switch (state) {
            case ACCEPTING -> {
                if (forcedReject > 0) {
                    reject(forcedReject);
                } else if (noteType < 0) {
                    reject(0x65); // not a note this table knows
                } else if (!BillTable.bit(enabled, 0, noteType)) {
                    reject(0x68); // inhibited
                } else if (BillTable.bit(escrowMask, 0, noteType)) {
                    state = CcnetState.ESCROW;
                    data = noteType;
                    escrowSinceMs = System.currentTimeMillis();
                } else {
                    state = CcnetState.STACKING;
                    data = -1;
                }
            }
            case STACKING -> {
                cashBox.add(slots.get(noteType));
                state = CcnetState.STACKED;
                data = noteType;
                onNoteStacked.accept(slots.get(noteType));
            }
            case RETURNING -> {
                returned++;
                state = CcnetState.RETURNED;
                data = noteType;
            }
            case STACKED, RETURNED, REJECTING -> idle();
            case INITIALIZE -> idle();
            default -> { }
        }
    }

    private void reject(int reason) {
        rejected++;
        state = CcnetState.REJECTING;
        data = reason;
    }

    private void idle() {
        state = anyEnabled() ? CcnetState.IDLING : CcnetState.UNIT_DISABLED;
        data = -1;
        noteType = -1;
    }

    private void reset() {
        if (state == CcnetState.ESCROW || state == CcnetState.ACCEPTING || state == CcnetState.RETURNING) {
            returned++; // RESET gives a note in the path back
        } else if (state == CcnetState.STACKING) {
            cashBox.add(slots.get(noteType));
        }
        enabled = new byte[3];
        escrowMask = new byte[3];
        noteType = -1;
        boolean faulted = state.outOfService();
        state = faulted ? state : CcnetState.INITIALIZE;
        data = faulted ? data : -1;
    }

    private boolean anyEnabled() {
        return enabled[0] != 0 || enabled[1] != 0 || enabled[2] != 0;
    }

    private byte[] identification() {
        byte[] out = new byte[34];
        Arrays.fill(out, 0, 27, (byte) ' ');
        byte[] p = part.getBytes(StandardCharsets.US_ASCII);
        byte[] s = serial.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(p, 0, out, 0, Math.min(15, p.length));
        System.arraycopy(s, 0, out, 15, Math.min(12, s.length));
        return out;
    }

    private static byte[] ack() {
        return CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, CcnetCommand.ACK).encode();
    }

    private static byte[] reply(byte[] payload) {
        return new CcnetFrame(CcnetFrame.BILL_VALIDATOR, payload).encode();
    }

    // What a person does to the device -------------------------------------------------------------------------------

    /** A note the table does not know is rejected ("identification"); one not enabled is rejected ("inhibit"). */
    @Override
    public synchronized void insert(Money note) {
        slot.add(new Insert(note, 0));
    }

    /** A note that is refused for a reason: the validator draws it in and rejects it (CCNET 0x1C + reason). */
    public synchronized void insertRejected(int reason) {
        slot.add(new Insert(null, reason));
    }

    @Override
    public synchronized void jam() {
        pendingFault = CcnetState.VALIDATOR_JAMMED;
    }

    @Override
    public synchronized void cashBoxOut() {
        pendingFault = CcnetState.CASSETTE_OUT;
    }

    public synchronized void cashBoxFull() {
        pendingFault = CcnetState.CASSETTE_FULL;
    }

    public synchronized void failure() {
        pendingFault = CcnetState.FAILURE;
    }

    @Override
    public synchronized void clearFault() {
        pendingFault = null;
        if (state.outOfService()) {
            idle();
        }
    }

    /** Power cycle: the device comes back reporting power-up, with a note where {@code where} says (or none). */
    public synchronized void powerCycle(CcnetState powerUpState) {
        if (!powerUpState.powerUp()) {
            throw new IllegalArgumentException(powerUpState + " is not a power-up state");
        }
        state = powerUpState;
        data = -1;
        enabled = new byte[3];
        escrowMask = new byte[3];
    }

    /** The next STACK loses power half-way: the note lands in the cash box and the device wakes with 0x12. */
    public synchronized void cutPowerOnNextStack(Runnable then) {
        cutPowerOnNextStack = true;
        onPowerCut = then;
    }

    public void noise(LineNoise n) {
        this.noise = n;
    }

    /**
     * Called on the emulator thread when a note lands in the cash box and the device enters "stacked", which it reports
     * at the next POLL: for the latency bench. Keep it short.
     */
    public synchronized void onNoteStacked(Consumer<Money> hook) {
        this.onNoteStacked = hook;
    }

    public synchronized List<Money> cashBox() {
        return List.copyOf(cashBox);
    }

    public synchronized Money cashBoxTotal() {
        return cashBox.stream().reduce(Money.ZERO_RUB, Money::plus);
    }

    /** Notes that reached the cash box during a power cut: the device never said which (only "bill in stacker"). */
    public synchronized List<Money> unreportedInStacker() {
        return List.copyOf(unreported);
    }

    public synchronized int returnedCount() {
        return returned;
    }

    public synchronized int rejectedCount() {
        return rejected;
    }

    public synchronized CcnetState state() {
        return state;
    }

    /** True when nothing is in the slot or on its way: every inserted note has been stacked, returned or refused. */
    public synchronized boolean settled() {
        return slot.isEmpty() && (state == CcnetState.IDLING || state == CcnetState.UNIT_DISABLED
                || state.outOfService());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
