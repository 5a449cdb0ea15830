package org.topupkiosk.sync;

import java.util.function.Consumer;
import org.topupkiosk.carrier.PaymentRequest;

/** The flow's view of the outbox: freeze a payment into it, nudge it after a submit, hear what became of each payment. */
public interface PaymentDispatch {

    /**
     * The outbox row's payload for this payment, in the outbox's own format (the flow journals it with the submit and
     * never builds or reads it itself).
     */
    default String payload(PaymentRequest request) {
        return PaymentPayloads.toJson(request);
    }

    /** Something new is in the outbox: send it now rather than at the next scheduled pass. */
    void kick();

    void addListener(Consumer<PaymentOutcome> listener);
}
