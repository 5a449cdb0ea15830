package org.topupkiosk.sync;

import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;

/**
 * Checks a carrier's payment answer against the request it answers: the same transaction id, the same amount in minor
 * units and the same currency. An answer that differs is never a success nor a refusal: it is an alarm.
 */
final class AnswerCheck {

    /** The first field that differs, with what was asked and what came back (no secrets: ids and money only). */
    record Mismatch(String field, String expected, String got) {}

    private AnswerCheck() {}

    /** The first difference between the request and its answer, or null when the answer is about this payment. */
    static Mismatch mismatch(PaymentRequest request, PaymentResult result) {
        if (!request.txnId().equals(result.txnId())) {
            return new Mismatch("txnId", request.txnId(), String.valueOf(result.txnId()));
        }
        if (result.amount() == null) {
            return new Mismatch("amount", Long.toString(request.amount().minor()), "none");
        }
        if (!request.amount().currency().equals(result.amount().currency())) {
            return new Mismatch("currency", request.amount().currency(), result.amount().currency());
        }
        if (request.amount().minor() != result.amount().minor()) {
            return new Mismatch("amount", Long.toString(request.amount().minor()),
                    Long.toString(result.amount().minor()));
        }
        return null;
    }
}
