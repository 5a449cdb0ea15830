package org.topupkiosk.carrier;

/** A failed carrier call. The kind is decided once, near the protocol, so callers never guess. */
public final class CarrierException extends Exception {

    public enum Kind {
        /** Nothing reached the carrier (connection refused, DNS, TLS before send). Safe to retry. */
        UNREACHABLE(true),
        /** The request may or may not have been applied (timeout, 5xx, garbled answer). Retry with the same id or ask status. */
        UNKNOWN_OUTCOME(true),
        /** The carrier answered and said no (bad number, limits, blocked account). Final. */
        REFUSED(false),
        /** The carrier rejected our request as malformed or unsigned. Final until an engineer looks. */
        PROTOCOL(false),
        /**
         * The carrier already holds this payment's transaction id for another payment (a journal restored from a
         * backup, or recreated, reissuing ids) and applied nothing. Not retried: an alarm a technician reconciles.
         */
        CONFLICT(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final String code;

    public CarrierException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public CarrierException(Kind kind, String code, String message, Throwable cause) {
        super(kind + " " + code + ": " + message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** Machine code for logs and the service screen, e.g. "timeout", "http-503", "account-not-found". */
    public String code() {
        return code;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
