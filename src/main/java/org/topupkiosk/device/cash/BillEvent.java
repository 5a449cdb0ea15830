package org.topupkiosk.device.cash;

import org.topupkiosk.domain.Money;

/** What a bill acceptor reports. Past tense: these things have happened at the device. */
public sealed interface BillEvent {

    /** A note is held in escrow; the flow must answer with stack() or returnBill(). */
    record Escrowed(Money amount) implements BillEvent {}

    /**
     * A note reached the cash box. The only event that credits money. {@code ref} is what the flow stacked it for
     * ({@link BillAcceptor#stack(String)}), or null.
     */
    record Stacked(Money amount, String noteId, String ref) implements BillEvent {
        public Stacked(Money amount, String noteId) {
            this(amount, noteId, null);
        }
    }

    /** A note in escrow was given back. */
    record Returned(Money amount) implements BillEvent {}

    /** The device refused a note (not genuine, not enabled, inhibited); {@code reason} is a short machine code. */
    record Rejected(String reason) implements BillEvent {}

    /**
     * Power came back with a note inside. In the stacker it is cash we hold and must credit (or investigate, when the
     * amount is unknown); in the validator it was not stacked.
     */
    record PowerUpWithBill(Location where, Money amount, String noteId, String ref) implements BillEvent {
        public enum Location { VALIDATOR, STACKER }

        /** {@code ref}: what the note was stacked for, when a STACK named it; null otherwise. */
        public PowerUpWithBill(Location where, Money amount, String noteId) {
            this(where, amount, noteId, null);
        }
    }

    /** Jam, cash box full or removed, failure. {@code outOfService} faults stop sales until {@link Recovered}. */
    record Fault(String code, boolean outOfService) implements BillEvent {}

    record Recovered() implements BillEvent {}
}
