package org.topupkiosk.carrier;

import org.topupkiosk.domain.Money;

/**
 * The carrier's answer about one payment. CONFIRMED and REFUSED are final; ACCEPTED means taken and being processed
 * (ask the status later); NOT_FOUND comes only from a status query for a payment that never arrived. {@code goods} is
 * what a CONFIRMED e-PIN or eSIM payment issued (null for top-ups, packages and every other status).
 */
public record PaymentResult(String txnId, Status status, String carrierRef, Money amount, String refusalCode,
                            String message, IssuedGoods goods) {

    /** An answer that issues no goods (top-ups, packages, refusals). */
    public PaymentResult(String txnId, Status status, String carrierRef, Money amount, String refusalCode,
                         String message) {
        this(txnId, status, carrierRef, amount, refusalCode, message, null);
    }

    public enum Status {
        CONFIRMED(true),
        ACCEPTED(false),
        REFUSED(true),
        NOT_FOUND(false);

        private final boolean isFinal;

        Status(boolean isFinal) {
            this.isFinal = isFinal;
        }

        public boolean isFinal() {
            return isFinal;
        }
    }
}
