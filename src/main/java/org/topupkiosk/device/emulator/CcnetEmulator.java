package org.topupkiosk.device.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.cash.ccnet.BillTable;
import org.topupkiosk.device.cash.ccnet.CcnetCommand;
import org.topupkiosk.device.cash.ccnet.CcnetFrame;
import org.topupkiosk.device.cash.ccnet.CcnetState;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Money;

/**
 * A CCNET bill validator on the device side of a serial line, for simulation mode, tests and the chaos harness. It
 * answers the host's frames as a CashCode unit would: POLL with its state, ACK to commands, identification and the bill
 * table on request, NAK to a damaged frame. Events ("stacked", "returned", "rejecting") are held and repeated until
 * the host ACKs a reply that carried them, and the state only moves on after such an ACK, so a host that loses a reply
 * can always ask again. It keeps the cash box: every note that physically went in, whatever the host made of it.
 */
public final class CcnetEmulator extends BillAcceptorEmulator {

    private static final long ESCROW_TIMEOUT_MS = 10_000;

    /** A CashCode-style ruble table; 200 and 2000 sit after 5000, as on firmware that added them later. */
    public static final List<Money> RUB_TABLE = List.of(Money.rub(10), Money.rub(50), Money.rub(100), Money.rub(500),
            Money.rub(1000), Money.rub(5000), Money.rub(200), Money.rub(2000));

    private final List<Money> slots;
    private final String part;
    private final String serial;

    private int forcedReject;
    private CcnetState state = CcnetState.POWER_UP;
    private int data = -1;
    private int noteType = -1;
    private long escrowSinceMs;
    private byte[] enabled = new byte[3];
    private byte[] escrowMask = new byte[3];
    private CcnetState lastReported;
    private boolean malformedTable;
    private int resets;

    public CcnetEmulator(List<Money> slots, LineNoise noise, long seed) {
        super("ccnet-emulator", noise, seed);
        this.slots = List.copyOf(slots.subList(0, Math.min(slots.size(), BillTable.TYPES)));
        this.part = "SM-RU1353 EMU";
        this.serial = String.format("%012d", Math.abs(seed) % 1_000_000_000_000L);
    }

    @Override
    protected FrameDecoder decoder() {
        return CcnetFrame.decoder();
    }

    @Override
    protected byte[] answer(FrameDecoder.Decoded d) {
        if (d instanceof FrameDecoder.Decoded.Frame f) {
            return answer(CcnetFrame.parse(f.bytes()));
        }
        if (d instanceof FrameDecoder.Decoded.Error e && e.kind() == FrameDecoder.Kind.BAD_CRC) {
            return CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, CcnetCommand.NAK).encode();
        }
        return null;
    }

    @Override
    public SerialSettings line() {
        return SerialSettings.CCNET;
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
            case CcnetCommand.GET_BILL_TABLE -> reply(malformedTable
                    ? Arrays.copyOf(BillTable.encode(slots), 2 * BillTable.ENTRY_BYTES + 3) : BillTable.encode(slots));
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
                state = stateOf(pendingFault);
                data = pendingFault == Fault.FAILURE ? 0x50 : -1;
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
        resets++;
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

    /** How this protocol reports a fault a person caused. */
    private static CcnetState stateOf(Fault f) {
        return switch (f) {
            case JAM -> CcnetState.VALIDATOR_JAMMED;
            case CASH_BOX_OUT -> CcnetState.CASSETTE_OUT;
            case CASH_BOX_FULL -> CcnetState.CASSETTE_FULL;
            case FAILURE -> CcnetState.FAILURE;
        };
    }

    @Override
    protected void faultCleared() {
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

    /** Firmware trouble: GET BILL TABLE answers with a cut-off table (13 bytes instead of 120) while this holds. */
    public synchronized void malformedBillTable(boolean on) {
        malformedTable = on;
    }

    /** How many RESETs the host has sent. */
    public synchronized int resets() {
        return resets;
    }

    public synchronized CcnetState state() {
        return state;
    }

    @Override
    public synchronized boolean settled() {
        return slot.isEmpty() && (state == CcnetState.IDLING || state == CcnetState.UNIT_DISABLED
                || state.outOfService());
    }

}
