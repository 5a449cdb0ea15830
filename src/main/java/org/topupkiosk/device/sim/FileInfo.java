package org.topupkiosk.device.sim;

import java.util.List;

/**
 * What the card said about a selected elementary file: its structure and, for record files, the record length.
 * Decoded from a GSM SELECT response (TS 51.011 section 9.2.1) or a UICC FCP template (TS 102 221 section 11.1.1.3).
 */
public record FileInfo(Structure structure, int size, int recordLength, int recordCount) {

    public enum Structure { TRANSPARENT, LINEAR_FIXED, CYCLIC, DEDICATED }

    /**
     * GSM: bytes 3-4 file size, 7 type (01 MF, 02 DF, 04 EF), 14 structure (00 transparent, 01 linear fixed,
     * 03 cyclic), 15 record length (1-based byte numbers as in the standard).
     */
    public static FileInfo fromGsm(byte[] r) throws SimException {
        if (r.length < 7) {
            throw bad("GSM SELECT response of " + r.length + " bytes (at least 7 expected)");
        }
        int type = r[6] & 0xFF;
        int size = ((r[2] & 0xFF) << 8) | (r[3] & 0xFF);
        if (type == 0x01 || type == 0x02) {
            return new FileInfo(Structure.DEDICATED, size, 0, 0);
        }
        if (type != 0x04) {
            throw bad(String.format("GSM file type %02X (expected 01, 02 or 04)", type));
        }
        if (r.length < 15) {
            throw bad("GSM EF response of " + r.length + " bytes (at least 15 expected)");
        }
        int structure = r[13] & 0xFF;
        if (structure == 0x00) {
            return new FileInfo(Structure.TRANSPARENT, size, 0, 0);
        }
        int recLen = r[14] & 0xFF;
        if (recLen == 0) {
            throw bad("record file with record length 0");
        }
        Structure s = switch (structure) {
            case 0x01 -> Structure.LINEAR_FIXED;
            case 0x03 -> Structure.CYCLIC;
            default -> throw bad(String.format("GSM EF structure %02X (expected 00, 01 or 03)", structure));
        };
        return new FileInfo(s, size, recLen, size / recLen);
    }

    /** UICC: FCP template 62 with file descriptor 82 and file size 80 (transparent) or the record fields of 82. */
    public static FileInfo fromFcp(byte[] r) throws SimException {
        List<Tlv> top = Tlv.parseAll(r, 0, r.length);
        Tlv fcp = Tlv.find(top, 0x62);
        if (fcp == null) {
            throw bad("no FCP template (tag 62) in the SELECT answer");
        }
        byte[] v = fcp.value();
        List<Tlv> inner = Tlv.parseAll(v, 0, v.length);
        Tlv desc = Tlv.find(inner, 0x82);
        if (desc == null || desc.value().length < 2) {
            throw bad("FCP without a file descriptor (tag 82)");
        }
        byte[] d = desc.value();
        int fdb = d[0] & 0xFF;
        if ((fdb & 0x38) == 0x38) {
            return new FileInfo(Structure.DEDICATED, 0, 0, 0);
        }
        int kind = fdb & 0x07;
        if (kind == 0x01) {
            Tlv size = Tlv.find(inner, 0x80);
            if (size == null || size.value().length == 0 || size.value().length > 3) {
                throw bad("transparent EF without a usable file size (tag 80)");
            }
            int n = 0;
            for (byte x : size.value()) {
                n = (n << 8) | (x & 0xFF);
            }
            return new FileInfo(Structure.TRANSPARENT, n, 0, 0);
        }
        if (kind == 0x02 || kind == 0x06) {
            if (d.length < 5) {
                throw bad("record EF descriptor of " + d.length + " bytes (5 expected)");
            }
            int recLen = ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
            int count = d[4] & 0xFF;
            if (recLen == 0) {
                throw bad("record file with record length 0");
            }
            return new FileInfo(kind == 0x02 ? Structure.LINEAR_FIXED : Structure.CYCLIC, recLen * count, recLen, count);
        }
        throw bad(String.format("file descriptor byte %02X is not a known EF structure", fdb));
    }

    private static SimException bad(String message) {
        return new SimException(SimException.Code.BAD_DATA, message);
    }
}
