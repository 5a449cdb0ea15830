package org.topupkiosk.device.cash;

import java.util.Set;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Money;

/**
 * A banknote acceptor. Events arrive on the driver's own thread through the {@link Listener}; the listener must not
 * block. Money is credited only on {@link BillEvent.Stacked}; after the journal has committed a stacked note the flow
 * calls {@link #acknowledge(String)}, and until then the device keeps the note reportable (on restart it comes back as
 * {@link BillEvent.PowerUpWithBill}). Journal rows are keyed by {@code noteId}, so a repeat is harmless.
 */
public interface BillAcceptor extends AutoCloseable {

    /** Opens and claims the device and starts delivering events, including power-up states. */
    void start(Listener listener);

    /** Accept these denominations (others are refused by the device); notes stop in escrow for a decision. */
    void enable(Set<Money> denominations);

    void disable();

    /** Escrow decision: put the note in escrow into the cash box. */
    void stack();

    /**
     * Escrow decision: put the note in escrow into the cash box, for {@code ref} (the order's transaction id, no
     * spaces). The driver keeps {@code ref} with the note until it is acknowledged and gives it back in
     * {@link BillEvent.Stacked} and in a {@link BillEvent.PowerUpWithBill} that raises the note again, so the note is
     * credited to the order it was taken for whatever is open by then. Drivers without durable notes ignore it.
     */
    default void stack(String ref) {
        stack();
    }

    /** Escrow decision: give the note in escrow back to the customer. */
    void returnBill();

    /** The journal holds the note with this id; the device may forget it. */
    void acknowledge(String noteId);

    DeviceHealth checkHealth();

    @Override
    void close();

    @FunctionalInterface
    interface Listener {
        void onBillEvent(BillEvent event);
    }
}
