package org.topupkiosk.device.cash.id003;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/**
 * The acceptor as the host sees it, from one STATUS REQUEST answer to the next: pure, no I/O. Only a change of answer
 * means something happened; the acceptor repeats ESCROW until we decide and VEND VALID until our ACK arrives, and a
 * repeat yields nothing, which is what makes a retried status request safe.
 *
 * <p>VEND VALID carries no denomination (ID-003 status table), so the machine remembers the note last reported in
 * ESCROW and credits that one. A note in escrow that next shows up as anything but stacking or vend valid went back:
 * RETURNING normally, but a status answer lost on the line can hide RETURNING, so the return is inferred as well.
 */
public final class Id003Machine {

    private static final Logger log = LoggerFactory.getLogger(Id003Machine.class);

    /** What a change of state asks of the driver. */
    public sealed interface Signal {
        /** Pass this event on as it is. */
        record Emit(BillEvent event) implements Signal {}

        /** VEND VALID: the driver makes the note durable and gives it an id before the ACK goes out. */
        record NoteStacked(Money amount) implements Signal {}

        /** VEND VALID for a note we never saw in escrow (we started in the middle): amount unknown. */
        record UnknownStacked() implements Signal {}

        /** The acceptor came up; with a note inside when {@code where} is not null. The driver must RESET it. */
        record PoweredUp(BillEvent.PowerUpWithBill.Location where) implements Signal {}

        /** A note in escrow the table does not know: the driver returns it. */
        record UnknownInEscrow(int escrowCode) implements Signal {}
    }

    private Id003Denominations table;
    private Id003Status previous;
    private Money inEscrow;
    private boolean faulted;

    public Id003Machine(Id003Denominations table) {
        this.table = table;
    }

    /** The unit's note table, once read (null before: no escrow code has a value yet). */
    public void table(Id003Denominations t) {
        this.table = t;
    }

    public Id003Status previous() {
        return previous;
    }

    /** Forget the last state: after a RESET the next answer starts a new story. */
    public void forget() {
        previous = null;
    }

    /**
     * The driver could not make the note of VEND VALID durable and did not ACK: the acceptor will report VEND VALID
     * again, and it must then count as new and as this note.
     */
    public void vendNotRecorded(Money amount) {
        previous = null;
        inEscrow = amount;
    }

    /** The note last reported in escrow and not yet stacked or returned, if any. */
    public Optional<Money> inEscrow() {
        return Optional.ofNullable(inEscrow);
    }

    public List<Signal> onStatus(Id003Status now) {
        if (now.equals(previous)) {
            return List.of();
        }
        previous = now;
        List<Signal> out = new ArrayList<>();
        Id003State s = now.state();
        if (faulted && !s.outOfService() && !powerUp(s) && s != Id003State.UNKNOWN) {
            faulted = false;
            out.add(new Signal.Emit(new BillEvent.Recovered()));
        }
        if (inEscrow != null && wentBack(s)) {
            out.add(new Signal.Emit(new BillEvent.Returned(inEscrow)));
            inEscrow = null;
        }
        switch (s) {
            case POWER_UP -> powered(out, null);
            case POWER_UP_BILL_IN_ACCEPTOR -> powered(out, BillEvent.PowerUpWithBill.Location.VALIDATOR);
            case POWER_UP_BILL_IN_STACKER -> powered(out, BillEvent.PowerUpWithBill.Location.STACKER);
            case REJECTING -> out.add(new Signal.Emit(new BillEvent.Rejected(Id003State.rejectReason(now.data()))));
            case STACKER_FULL, STACKER_OPEN, JAM_IN_ACCEPTOR, JAM_IN_STACKER -> fault(out, s.faultCode());
            case FAILURE -> fault(out, "failure:" + (now.data() < 0 ? "unknown" : String.format("0x%02x", now.data())));
            case CHEATED -> out.add(new Signal.Emit(new BillEvent.Fault("cheated", false)));
            case PAUSE -> out.add(new Signal.Emit(new BillEvent.Fault("pause", false)));
            case ESCROW -> {
                Optional<Money> m = table == null ? Optional.empty() : table.amount(now.data());
                if (m.isPresent()) {
                    inEscrow = m.get();
                    out.add(new Signal.Emit(new BillEvent.Escrowed(m.get())));
                } else {
                    out.add(new Signal.UnknownInEscrow(now.data()));
                }
            }
            case VEND_VALID -> {
                if (inEscrow != null) {
                    out.add(new Signal.NoteStacked(inEscrow));
                    inEscrow = null;
                } else {
                    out.add(new Signal.UnknownStacked());
                }
            }
            case UNKNOWN -> log.warn("unknown ID003 status {}", now);
            default -> { }
        }
        return out;
    }

    /** States a note in escrow cannot be in: it was given back (or, for RETURNING, is on its way back). */
    private static boolean wentBack(Id003State s) {
        return s == Id003State.RETURNING || s == Id003State.IDLING || s == Id003State.DISABLED
                || s == Id003State.ACCEPTING || s == Id003State.REJECTING;
    }

    private static boolean powerUp(Id003State s) {
        return s == Id003State.POWER_UP || s == Id003State.POWER_UP_BILL_IN_ACCEPTOR
                || s == Id003State.POWER_UP_BILL_IN_STACKER;
    }

    private void powered(List<Signal> out, BillEvent.PowerUpWithBill.Location where) {
        // Whatever was in escrow before the power went is now the "bill in acceptor/stacker" of the power-up state.
        inEscrow = null;
        out.add(new Signal.PoweredUp(where));
    }

    private void fault(List<Signal> out, String code) {
        faulted = true;
        out.add(new Signal.Emit(new BillEvent.Fault(code, true)));
    }
}
