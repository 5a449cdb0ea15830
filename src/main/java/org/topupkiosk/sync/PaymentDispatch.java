package org.topupkiosk.sync;

import java.util.function.Consumer;

/** The flow's view of the outbox: nudge it after a submit and hear what became of each payment. */
public interface PaymentDispatch {

    /** Something new is in the outbox: send it now rather than at the next scheduled pass. */
    void kick();

    void addListener(Consumer<PaymentOutcome> listener);
}
