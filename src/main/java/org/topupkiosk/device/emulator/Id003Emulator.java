package org.topupkiosk.device.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.cash.id003.Id003Denominations;
import org.topupkiosk.device.cash.id003.Id003Frame;
import org.topupkiosk.device.cash.id003.Id003State;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Money;

/**
 * A JCM ID003 bill acceptor on the device side of a serial line, for simulation mode, tests and the service tool's
 * own check. It answers STATUS REQUEST with its state, ACKs operation commands, echoes setting commands and answers
 * what it cannot do now with INVALID COMMAND. Its state moves on one step per status request after a state has been
 * reported, as a unit's mechanics move while the host polls; ESCROW waits for STACK or RETURN, VEND VALID waits for the
 * host's ACK, and REJECTING and RETURNING are shown for two requests so one lost answer does not hide them. It keeps
 * the cash box: every note that physically went in, whatever the host made of it.
 */
public final class Id003Emulator extends BillAcceptorEmulator {

    private static final long ESCROW_TIMEOUT_MS = 10_000;
    private static final int SHOWN_FOR_POLLS = 2;
    /** ID-003 reject data: "identification" for a note the unit does not know, "inhibit" for one not enabled. */
    private static final int REJECT_IDENTIFICATION = 0x76;
    private static final int REJECT_INHIBIT = 0x79;
    /** Country byte of the CURRENCY ASSIGN reply: any value, the driver logs it and does not check it. */
    static final int COUNTRY_CODE = 0x00;

    private final Id003Denominations table;
    private final String version;

    private Id003State state = Id003State.POWER_UP;
    private int data = -1;
    private boolean reported;
    private int holdPolls;
    private Money note;
    private int forcedReject;
    private long escrowSinceMs;
    private byte[] mask = {(byte) 0xFF, (byte) 0xFF};
    private boolean inhibited = true;
    private boolean noteInAcceptor;
    private boolean answersCurrencyAssign = true;
    private boolean malformedTable;
    private int resets;

    public Id003Emulator(Id003Denominations table, LineNoise noise, long seed) {
        super("id003-emulator", noise, seed);
        this.table = table;
        this.version = String.format("i(RUS)-100-SS ID003-05V%03d EMU", Math.abs(seed) % 1000);
    }

    @Override
    protected FrameDecoder decoder() {
        return Id003Frame.decoder();
    }

    /** A damaged host frame gets no answer: ID003 has no NAK, the host asks again after its timeout. */
    @Override
    protected byte[] answer(FrameDecoder.Decoded d) {
        return d instanceof FrameDecoder.Decoded.Frame f ? answer(Id003Frame.parse(f.bytes())) : null;
    }

    @Override
    public SerialSettings line() {
        return SerialSettings.ID003;
    }

    /** The acceptor's answer to one host frame, or null when it says nothing (the host's ACK). */
    synchronized byte[] answer(Id003Frame frame) {
        byte[] d = frame.data();
        switch (frame.command()) {
            case Id003Frame.STATUS_REQUEST:
                return status();
            case Id003Frame.ACK:
                if (state == Id003State.VEND_VALID && reported) {
                    enter(Id003State.STACKED, -1);
                }
                return null;
            case Id003Frame.RESET:
                reset();
                return ack();
            case Id003Frame.STACK_1:
            case Id003Frame.STACK_2:
                return stack();
            case Id003Frame.RETURN:
                if (state == Id003State.ESCROW) {
                    returned++;
                    enter(Id003State.RETURNING, -1);
                    holdPolls = SHOWN_FOR_POLLS;
                    return ack();
                }
                return state == Id003State.RETURNING ? ack() : invalid();
            case Id003Frame.HOLD:
                escrowSinceMs = System.currentTimeMillis();
                return state == Id003State.ESCROW ? ack() : invalid();
            case Id003Frame.SET_ENABLE:
                if (d.length != 2) {
                    return invalid();
                }
                mask = d;
                return frame.encode();
            case Id003Frame.SET_SECURITY:
                return frame.encode();
            case Id003Frame.SET_INHIBIT:
                if (d.length != 1) {
                    return invalid();
                }
                inhibited = d[0] != 0;
                if (state == Id003State.DISABLED && !inhibited) {
                    enter(Id003State.IDLING, -1);
                } else if (state == Id003State.IDLING && inhibited) {
                    enter(Id003State.DISABLED, -1);
                }
                return frame.encode();
            case Id003Frame.CURRENCY_ASSIGN_REQUEST:
                if (!answersCurrencyAssign) {
                    return invalid();
                }
                byte[] groups = table.encode(COUNTRY_CODE);
                // Firmware trouble: a reply cut in the middle of a group, which no reading of the layout accepts.
                return Id003Frame.of(Id003Frame.CURRENCY_ASSIGN_REQUEST,
                        malformedTable ? Arrays.copyOf(groups, 6) : groups).encode();
            case Id003Frame.VERSION_REQUEST:
                return Id003Frame.of(Id003Frame.VERSION_REQUEST, version.getBytes(StandardCharsets.US_ASCII)).encode();
            default:
                return invalid();
        }
    }

    private byte[] stack() {
        if (state == Id003State.STACKING || state == Id003State.VEND_VALID) {
            return ack(); // our ACK was lost and the host asks again
        }
        if (state != Id003State.ESCROW) {
            return invalid();
        }
        if (cutPowerOnNextStack) {
            // The power fails while the note goes down: it is in the cash box, and the unit wakes up saying only
            // "power up with bill in stacker" (0x42), not which bill.
            cutPowerOnNextStack = false;
            cashBox.add(note);
            unreported.add(note);
            note = null;
            inhibited = true;
            enter(Id003State.POWER_UP_BILL_IN_STACKER, -1);
            onPowerCut.run();
        } else {
            enter(Id003State.STACKING, -1);
        }
        return ack();
    }

    /** Answers STATUS REQUEST: first the step the mechanics took since the last answer, then the state now. */
    private byte[] status() {
        if (reported) {
            advance();
        }
        reported = true;
        return data < 0 ? Id003Frame.of(state.code).encode() : Id003Frame.of(state.code, (byte) data).encode();
    }

    private void advance() {
        switch (state) {
            case IDLING, DISABLED -> {
                if (pendingFault != null) {
                    enter(stateOf(pendingFault), pendingFault == Fault.FAILURE ? 0xA2 : -1);
                    pendingFault = null;
                } else if (!slot.isEmpty()) {
                    Insert in = slot.poll();
                    if (state == Id003State.DISABLED) {
                        rejected++; // an inhibited acceptor does not draw the note in
                    } else {
                        note = in.note();
                        forcedReject = in.rejectReason();
                        enter(Id003State.ACCEPTING, -1);
                    }
                }
            }
            case INITIALIZE, STACKED -> idle();
            case ACCEPTING -> {
                int code = note == null ? -1 : table.code(note);
                if (forcedReject > 0) {
                    reject(forcedReject);
                } else if (code < 0) {
                    reject(REJECT_IDENTIFICATION);
                } else if (!Id003Denominations.enabled(mask, code)) {
                    reject(REJECT_INHIBIT);
                } else {
                    enter(Id003State.ESCROW, code);
                    escrowSinceMs = System.currentTimeMillis();
                }
            }
            case ESCROW -> {
                if (System.currentTimeMillis() - escrowSinceMs > ESCROW_TIMEOUT_MS) {
                    returned++;
                    enter(Id003State.RETURNING, -1);
                    holdPolls = SHOWN_FOR_POLLS;
                }
            }
            case STACKING -> {
                cashBox.add(note);
                Money stacked = note;
                enter(Id003State.VEND_VALID, -1);
                onNoteStacked.accept(stacked);
            }
            case REJECTING, RETURNING -> {
                if (--holdPolls <= 0) {
                    idle();
                }
            }
            default -> { } // VEND VALID waits for ACK, faults for a technician, power-up for RESET
        }
    }

    private void enter(Id003State s, int d) {
        state = s;
        data = d;
        reported = false;
    }

    private void reject(int reason) {
        rejected++;
        note = null;
        enter(Id003State.REJECTING, reason);
        holdPolls = SHOWN_FOR_POLLS;
    }

    private void idle() {
        note = null;
        enter(inhibited ? Id003State.DISABLED : Id003State.IDLING, -1);
    }

    private void reset() {
        resets++;
        if (state == Id003State.ESCROW || state == Id003State.ACCEPTING || noteInAcceptor) {
            returned++; // RESET gives a note in the path back
        } else if (state == Id003State.STACKING) {
            cashBox.add(note);
        }
        noteInAcceptor = false;
        note = null;
        inhibited = true;
        mask = new byte[] {(byte) 0xFF, (byte) 0xFF};
        if (!state.outOfService()) {
            enter(Id003State.INITIALIZE, -1);
        }
    }

    private static byte[] ack() {
        return Id003Frame.of(Id003Frame.ACK).encode();
    }

    private static byte[] invalid() {
        return Id003Frame.of(Id003State.INVALID_COMMAND.code).encode();
    }

    // What a person does to the device -------------------------------------------------------------------------------

    /** How this protocol reports a fault a person caused. */
    private static Id003State stateOf(Fault f) {
        return switch (f) {
            case JAM -> Id003State.JAM_IN_ACCEPTOR;
            case CASH_BOX_OUT -> Id003State.STACKER_OPEN;
            case CASH_BOX_FULL -> Id003State.STACKER_FULL;
            case FAILURE -> Id003State.FAILURE;
        };
    }

    @Override
    protected void faultCleared() {
        if (state.outOfService()) {
            idle();
        }
    }

    /** Power cycle: the unit comes back reporting 0x40, or 0x41/0x42 with a note in the acceptor or the stacker. */
    public synchronized void powerCycle(Id003State powerUpState) {
        if (powerUpState != Id003State.POWER_UP && powerUpState != Id003State.POWER_UP_BILL_IN_ACCEPTOR
                && powerUpState != Id003State.POWER_UP_BILL_IN_STACKER) {
            throw new IllegalArgumentException(powerUpState + " is not a power-up state");
        }
        noteInAcceptor = powerUpState == Id003State.POWER_UP_BILL_IN_ACCEPTOR;
        note = null;
        inhibited = true;
        mask = new byte[] {(byte) 0xFF, (byte) 0xFF};
        enter(powerUpState, -1);
    }

    /** False plays older firmware that answers CURRENCY ASSIGN (0x8A) with INVALID COMMAND. */
    public synchronized void answersCurrencyAssign(boolean answers) {
        this.answersCurrencyAssign = answers;
    }

    /** Firmware trouble: CURRENCY ASSIGN answers with a table cut in the middle of a group while this holds. */
    public synchronized void malformedNoteTable(boolean on) {
        malformedTable = on;
    }

    /** How many RESETs the host has sent. */
    public synchronized int resets() {
        return resets;
    }

    public synchronized Id003State state() {
        return state;
    }

    @Override
    public synchronized boolean settled() {
        return slot.isEmpty() && (state == Id003State.IDLING || state == Id003State.DISABLED || state.outOfService());
    }

}
