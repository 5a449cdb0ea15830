package org.topupkiosk.device.cash.ccnet;

/** Command codes a host sends to a CCNET bill validator, and the link bytes (CCNET description, "command list"). */
public final class CcnetCommand {

    private CcnetCommand() {}

    public static final byte ACK = 0x00;
    public static final int NAK = 0xFF;

    public static final int RESET = 0x30;
    public static final int GET_STATUS = 0x31;
    public static final int SET_SECURITY = 0x32;
    public static final int POLL = 0x33;
    public static final int ENABLE_BILL_TYPES = 0x34;
    public static final int STACK = 0x35;
    public static final int RETURN = 0x36;
    public static final int IDENTIFICATION = 0x37;
    public static final int HOLD = 0x38;
    public static final int GET_BILL_TABLE = 0x41;

    /** The device's answer to a command it does not know or cannot take now. */
    public static final int ILLEGAL_COMMAND = 0x30;
}
