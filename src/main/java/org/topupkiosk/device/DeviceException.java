package org.topupkiosk.device;

/** The one exception every device driver throws, with a code that says what to do about it (UnifiedPOS style). */
public final class DeviceException extends Exception {

    public enum Code {
        CLOSED, NOT_CLAIMED, DISABLED, OFFLINE, TIMEOUT, BUSY, FAILURE, JAM, FULL, PAPER_OUT, COVER_OPEN
    }

    private final Code code;

    public DeviceException(Code code, String message) {
        this(code, message, null);
    }

    public DeviceException(Code code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
