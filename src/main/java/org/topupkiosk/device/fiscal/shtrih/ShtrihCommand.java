package org.topupkiosk.device.fiscal.shtrih;

import java.util.Optional;

/**
 * The Shtrih-M commands the driver uses, with the password each takes and how long the register may take to answer.
 * Codes of the FF xx family (the fiscal-storage commands) go on the wire as two bytes, FF then xx. Timeouts follow the
 * vendor driver's command table (a Z report up to 65 s, an X report 30 s, opening a shift 35 s, fiscal-storage
 * commands 10 s); status reads are given 3 s, as a kiosk polls them and a silent register must be noticed fast.
 */
public enum ShtrihCommand {
    SHORT_STATUS(0x10, "short status", Password.OPERATOR, 3_000),
    FULL_STATUS(0x11, "full status", Password.OPERATOR, 3_000),
    PRINT_STRING(0x17, "print string", Password.OPERATOR, 10_000),
    X_REPORT(0x40, "X report", Password.ADMIN, 30_000),
    Z_REPORT(0x41, "Z report (close shift)", Password.ADMIN, 65_000),
    CANCEL_RECEIPT(0x88, "cancel receipt", Password.OPERATOR, 10_000),
    REPEAT_DOCUMENT(0x8C, "repeat document", Password.OPERATOR, 10_000),
    OPEN_RECEIPT(0x8D, "open receipt", Password.OPERATOR, 10_000),
    CONTINUE_PRINT(0xB0, "continue printing", Password.OPERATOR, 10_000),
    OPEN_SHIFT(0xE0, "open shift", Password.OPERATOR, 35_000),
    FN_STATUS(0xFF01, "FN status", Password.ADMIN, 3_000),
    FN_SERIAL(0xFF02, "FN serial number", Password.ADMIN, 3_000),
    FN_EXPIRY(0xFF03, "FN expiry date", Password.ADMIN, 3_000),
    FN_FIND_DOCUMENT(0xFF0A, "find fiscal document by number", Password.ADMIN, 10_000),
    FN_WRITE_TLV(0xFF0C, "write receipt TLV", Password.ADMIN, 10_000),
    FN_EXCHANGE_STATUS(0xFF39, "FN information exchange status", Password.ADMIN, 3_000),
    FN_SHIFT_PARAMETERS(0xFF40, "shift parameters", Password.ADMIN, 3_000),
    FN_CLOSE_RECEIPT_V2(0xFF45, "close receipt V2", Password.ADMIN, 10_000),
    FN_OPERATION_V2(0xFF46, "operation V2", Password.OPERATOR, 10_000),
    FN_WRITE_OPERATION_TLV(0xFF4D, "write operation TLV", Password.ADMIN, 10_000);

    /** Which of the two configured passwords a command takes (both are 30 on a register fresh from the factory). */
    public enum Password { OPERATOR, ADMIN }

    public final int code;
    public final String label;
    public final Password password;
    public final int timeoutMs;

    ShtrihCommand(int code, String label, Password password, int timeoutMs) {
        this.code = code;
        this.label = label;
        this.password = password;
        this.timeoutMs = timeoutMs;
    }

    public boolean extended() {
        return code > 0xFF;
    }

    /** The code as it goes on the wire: one byte, or FF and the second byte. */
    public byte[] codeBytes() {
        return extended() ? new byte[] {(byte) 0xFF, (byte) code} : new byte[] {(byte) code};
    }

    public static Optional<ShtrihCommand> of(int code) {
        for (ShtrihCommand c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #of} but for bytes read off the line: an unknown code is a format error naming {@code field}. */
    public static ShtrihCommand require(int code, String field) {
        return of(code).orElseThrow(() -> new ShtrihFormatException(field, String.format("unknown command %s",
                hex(code))));
    }

    /** The command code at the start of a frame body: FF xx takes two bytes. */
    public static int codeAt(byte[] body, String field) {
        if (body.length == 0) {
            throw new ShtrihFormatException(field, "empty body");
        }
        int first = body[0] & 0xFF;
        if (first != 0xFF) {
            return first;
        }
        if (body.length < 2) {
            throw new ShtrihFormatException(field, "FF without its second byte");
        }
        return 0xFF00 | (body[1] & 0xFF);
    }

    public static int codeLength(int code) {
        return code > 0xFF ? 2 : 1;
    }

    public static String hex(int code) {
        return code > 0xFF ? String.format("%04X", code) : String.format("%02X", code);
    }

    @Override
    public String toString() {
        return hex(code) + " " + label;
    }
}
