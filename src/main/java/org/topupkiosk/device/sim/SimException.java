package org.topupkiosk.device.sim;

import java.util.Locale;

/**
 * Why a SIM could not be read. The code decides what the customer is told ({@link Code#messageKey()}) and whether
 * trying again can help; the message is for logs and the service tool.
 */
public final class SimException extends Exception {

    public enum Code {
        /** The PC/SC daemon (pcscd) is not running or the PC/SC library is missing. */
        NO_PCSC(false),
        /** No card reader is connected, or none matches the configured name. */
        NO_READER(false),
        /** The reader is there but holds no card. */
        NO_CARD(true),
        /** The card was taken out while it was being read. */
        CARD_REMOVED(true),
        /** The card did not answer in time. */
        MUTE(true),
        /** The card answers, but it is not a SIM (no GSM or USIM file system). */
        UNKNOWN_CARD(false),
        /** The card sent bytes that do not decode (bad BCD, bad length, bad TLV, bad ICCID check digit). */
        BAD_DATA(false),
        /** A status word the reading steps cannot go on from. */
        CARD_ERROR(false),
        /** The reader or the daemon failed in some other way. */
        TRANSPORT(true);

        private final boolean retryable;

        Code(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The i18n key of the customer's message, e.g. {@code sim.error.card_removed}. */
        public String messageKey() {
            return "sim.error." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Code code;

    public SimException(Code code, String message) {
        this(code, message, null);
    }

    public SimException(Code code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
