package org.topupkiosk.device.cash.ccnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/**
 * The validator as the host sees it, from one POLL reply to the next: pure, no I/O. Each reply is compared with the
 * previous one and only a change means something happened; a repeat (the device keeps reporting "escrow" until we
 * decide, and repeats "stacked" when our ACK was lost) yields nothing. That is what makes a retried poll safe.
 */
public final class CcnetMachine {

    private static final Logger log = LoggerFactory.getLogger(CcnetMachine.class);

    /** What a change of state asks of the driver. */
    public sealed interface Signal {
        /** Pass this event on as it is. */
        record Emit(BillEvent event) implements Signal {}

        /** A note reached the cash box: the driver makes it durable and gives it an id before it tells anyone. */
        record NoteStacked(Money amount, int billType) implements Signal {}

        /** The validator came up; with a note inside when {@code where} is not null. The driver must RESET it. */
        record PoweredUp(BillEvent.PowerUpWithBill.Location where) implements Signal {}

        /**
         * "Stacked" seen before the bill table was read (first contact after a crash): the driver values it from what
         * it remembered at STACK, or raises it as a note of unknown amount in the stacker.
         */
        record UnvaluedStacked(int billType) implements Signal {}

        /** A note in escrow the table does not know (or not roubles): the driver returns it. */
        record UnknownInEscrow(int billType) implements Signal {}
    }

    private BillTable table;
    private CcnetStatus previous;
    private boolean faulted;

    public CcnetMachine(BillTable table) {
        this.table = table;
    }

    public void table(BillTable t) {
        this.table = t;
    }

    public CcnetStatus previous() {
        return previous;
    }

    /** Forget the last state: after a RESET the next reply starts a new story. */
    public void forget() {
        previous = null;
    }

    public List<Signal> onStatus(CcnetStatus now) {
        if (now.equals(previous)) {
            return List.of();
        }
        previous = now;
        List<Signal> out = new ArrayList<>();
        CcnetState s = now.state();
        if (faulted && !s.outOfService() && !s.powerUp() && s != CcnetState.UNKNOWN) {
            faulted = false;
            out.add(new Signal.Emit(new BillEvent.Recovered()));
        }
        switch (s) {
            case POWER_UP -> out.add(new Signal.PoweredUp(null));
            case POWER_UP_BILL_IN_VALIDATOR -> out.add(new Signal.PoweredUp(BillEvent.PowerUpWithBill.Location.VALIDATOR));
            case POWER_UP_BILL_IN_STACKER -> out.add(new Signal.PoweredUp(BillEvent.PowerUpWithBill.Location.STACKER));
            case REJECTING -> out.add(new Signal.Emit(new BillEvent.Rejected(CcnetState.rejectReason(now.data()))));
            case CASSETTE_FULL -> fault(out, "cassette-full");
            case CASSETTE_OUT -> fault(out, "cassette-removed");
            case VALIDATOR_JAMMED -> fault(out, "jam");
            case CASSETTE_JAMMED -> fault(out, "cassette-jam");
            case FAILURE -> fault(out, "failure:" + CcnetState.failureCode(now.data()));
            case CHEATED -> out.add(new Signal.Emit(new BillEvent.Fault("cheated", false)));
            case PAUSE -> out.add(new Signal.Emit(new BillEvent.Fault("pause", false)));
            case ESCROW -> {
                Optional<Money> m = amount(now.data());
                out.add(m.isPresent() ? new Signal.Emit(new BillEvent.Escrowed(m.get()))
                        : new Signal.UnknownInEscrow(now.data()));
            }
            case STACKED -> {
                Optional<Money> m = amount(now.data());
                if (table == null) {
                    out.add(new Signal.UnvaluedStacked(now.data()));
                } else if (m.isPresent()) {
                    out.add(new Signal.NoteStacked(m.get(), now.data()));
                } else {
                    // The device would not have taken a type we did not enable; say so loudly if it did.
                    log.error("bill type {} stacked but not in the bill table: left for encashment", now.data());
                    out.add(new Signal.Emit(new BillEvent.Fault("unknown-bill-stacked", false)));
                }
            }
            case RETURNED -> out.add(new Signal.Emit(new BillEvent.Returned(amount(now.data()).orElse(Money.ZERO_RUB))));
            case UNKNOWN -> log.warn("unknown CCNET poll state {}", now);
            default -> { }
        }
        return out;
    }

    private void fault(List<Signal> out, String code) {
        faulted = true;
        out.add(new Signal.Emit(new BillEvent.Fault(code, true)));
    }

    private Optional<Money> amount(int billType) {
        return table == null ? Optional.empty() : table.amount(billType);
    }
}
