package org.topupkiosk.device.sim;

import java.util.Arrays;

/**
 * The command APDUs a SIM reader needs (3GPP TS 51.011 section 9.2 for GSM, TS 102 221 section 11.1 for UICC).
 * {@code cla} is 0xA0 for classic GSM SIMs and 0x00 for UICC. Pure functions returning fresh arrays.
 */
public final class Apdus {

    public static final int CLA_GSM = 0xA0;
    public static final int CLA_UICC = 0x00;

    static final int INS_SELECT = 0xA4;
    static final int INS_READ_BINARY = 0xB0;
    static final int INS_READ_RECORD = 0xB2;
    static final int INS_GET_RESPONSE = 0xC0;

    private Apdus() {}

    /**
     * SELECT by file id. GSM: P1 P2 = 00 00, no Le (the card answers 9Fxx). UICC: P2 = 04 asks for the FCP template,
     * with Le = 00 (a T=0 card answers 61xx).
     */
    public static byte[] selectFile(int cla, int fid) {
        if (cla == CLA_GSM) {
            return new byte[] {(byte) cla, (byte) INS_SELECT, 0x00, 0x00, 0x02, (byte) (fid >>> 8), (byte) fid};
        }
        return new byte[] {(byte) cla, (byte) INS_SELECT, 0x00, 0x04, 0x02, (byte) (fid >>> 8), (byte) fid, 0x00};
    }

    /** SELECT an application by its AID (P1 = 04), asking for the FCP (P2 = 04). UICC only. */
    public static byte[] selectAid(byte[] aid) {
        if (aid.length < 1 || aid.length > 16) {
            throw new IllegalArgumentException("AID must be 1-16 bytes, got " + aid.length);
        }
        byte[] c = new byte[6 + aid.length];
        c[0] = CLA_UICC;
        c[1] = (byte) INS_SELECT;
        c[2] = 0x04;
        c[3] = 0x04;
        c[4] = (byte) aid.length;
        System.arraycopy(aid, 0, c, 5, aid.length);
        c[c.length - 1] = 0x00;
        return c;
    }

    /** READ BINARY from offset 0, {@code le} bytes (0 means 256). */
    public static byte[] readBinary(int cla, int le) {
        return new byte[] {(byte) cla, (byte) INS_READ_BINARY, 0x00, 0x00, (byte) le};
    }

    /** READ RECORD {@code record} (1-based) in absolute mode (P2 = 04), {@code le} bytes. */
    public static byte[] readRecord(int cla, int record, int le) {
        return new byte[] {(byte) cla, (byte) INS_READ_RECORD, (byte) record, 0x04, (byte) le};
    }

    public static byte[] getResponse(int cla, int le) {
        return new byte[] {(byte) cla, (byte) INS_GET_RESPONSE, 0x00, 0x00, (byte) le};
    }

    /** The same command with its Le byte set (added when absent): the answer to 6Cxx. */
    public static byte[] withLe(byte[] command, int le) {
        if (command.length < 4) {
            throw new IllegalArgumentException("command of " + command.length + " bytes has no header");
        }
        boolean hasData = command.length > 5 && (command[4] & 0xFF) > 0 && command.length >= 5 + (command[4] & 0xFF);
        int bodyEnd = hasData ? 5 + (command[4] & 0xFF) : 4;
        byte[] c = Arrays.copyOf(command, bodyEnd + 1);
        c[bodyEnd] = (byte) le;
        return c;
    }
}
