package org.topupkiosk.device.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * BER-TLV as UICC file control parameters and EF_DIR records use it (ETSI TS 102 221 section 11.1.1.3): tags of one
 * or two bytes, lengths in the short form or 81/82 long forms. Only what a SIM reader needs; pure.
 */
public record Tlv(int tag, byte[] value) {

    public Tlv {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Every TLV in {@code b[offset, offset+length)}; FF or 00 padding after the last one ends the list. */
    public static List<Tlv> parseAll(byte[] b, int offset, int length) throws SimException {
        if (offset < 0 || length < 0 || offset + length > b.length) {
            throw bad("TLV area " + offset + "+" + length + " outside " + b.length + " bytes");
        }
        List<Tlv> out = new ArrayList<>();
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int first = b[i] & 0xFF;
            if (first == 0xFF || first == 0x00) {
                break;
            }
            int tag = first;
            i++;
            if ((first & 0x1F) == 0x1F) {
                if (i >= end) {
                    throw bad("two-byte tag cut off at " + i);
                }
                tag = (tag << 8) | (b[i++] & 0xFF);
            }
            if (i >= end) {
                throw bad(String.format("tag %X has no length", tag));
            }
            int len = b[i++] & 0xFF;
            if (len == 0x81 || len == 0x82) {
                int n = len - 0x80;
                if (i + n > end) {
                    throw bad(String.format("long length of tag %X cut off", tag));
                }
                len = 0;
                for (int k = 0; k < n; k++) {
                    len = (len << 8) | (b[i++] & 0xFF);
                }
            } else if (len > 0x80) {
                throw bad(String.format("length byte %02X of tag %X is not supported", len, tag));
            }
            if (i + len > end) {
                throw bad(String.format("tag %X says %d bytes, only %d left", tag, len, end - i));
            }
            out.add(new Tlv(tag, Arrays.copyOfRange(b, i, i + len)));
            i += len;
        }
        return out;
    }

    /** The first TLV with {@code tag}, or null. */
    public static Tlv find(List<Tlv> list, int tag) {
        for (Tlv t : list) {
            if (t.tag == tag) {
                return t;
            }
        }
        return null;
    }

    /** Encodes one TLV (short or 81 length form); used by the emulator to build its FCPs and records. */
    public static byte[] encode(int tag, byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        if (len > 255) {
            throw new IllegalArgumentException("value too long: " + len);
        }
        byte[] tagBytes = tag > 0xFF ? new byte[] {(byte) (tag >>> 8), (byte) tag} : new byte[] {(byte) tag};
        byte[] lenBytes = len > 0x7F ? new byte[] {(byte) 0x81, (byte) len} : new byte[] {(byte) len};
        byte[] out = new byte[tagBytes.length + lenBytes.length + len];
        System.arraycopy(tagBytes, 0, out, 0, tagBytes.length);
        System.arraycopy(lenBytes, 0, out, tagBytes.length, lenBytes.length);
        int at = tagBytes.length + lenBytes.length;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static SimException bad(String message) {
        return new SimException(SimException.Code.BAD_DATA, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("%X:%s", tag, HexFormat.of().formatHex(value));
    }
}
