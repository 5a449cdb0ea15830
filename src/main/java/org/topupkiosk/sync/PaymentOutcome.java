package org.topupkiosk.sync;

import org.topupkiosk.journal.CustomerCredit;

/** What became of a queued payment, told to the flow so the customer's screen can follow. */
public sealed interface PaymentOutcome {

    String txnId();

    record Confirmed(String txnId, String carrierRef) implements PaymentOutcome {}

    /** Final refusal: the journal has turned the money into a customer credit. */
    record Refused(String txnId, String code, CustomerCredit credit) implements PaymentOutcome {}

    /** The carrier did not answer in time or gave an unknown outcome; the outbox will retry with the same id. */
    record Deferred(String txnId, String reason) implements PaymentOutcome {}
}
