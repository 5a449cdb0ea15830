package org.topupkiosk.device.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.domain.Msisdn;

/** Decoders for the SIM files the kiosk reads. Pure: bytes in, a value or a {@link SimException} out. */
public final class SimFiles {

    /** The USIM application's AID prefix, RID A000000087 + app code 1002 (ETSI TS 101 220 annex E). */
    static final byte[] USIM_AID_PREFIX = {(byte) 0xA0, 0x00, 0x00, 0x00, (byte) 0x87, 0x10, 0x02};

    private SimFiles() {}

    /**
     * EF_ICCID (2FE2): 10 bytes of swapped BCD, F-padded; 18 to 20 digits whose last one is a Luhn check digit
     * (ITU-T E.118). Only the check digit proves we read the right bytes, so a wrong one is refused.
     */
    public static String iccid(byte[] b) throws SimException {
        if (b.length != 10) {
            throw bad("EF_ICCID has " + b.length + " bytes (10 expected)");
        }
        String digits = Bcd.decodeSwapped(b, 0, 10);
        if (digits.length() < 18) {
            throw bad("ICCID has " + digits.length() + " digits (18-20 expected)");
        }
        if (!Bcd.luhnValid(digits)) {
            throw bad("ICCID " + digits + " fails its Luhn check digit");
        }
        return digits;
    }

    /**
     * EF_IMSI (6F07, TS 31.102 section 4.2.2, coded as in TS 24.008 section 10.5.1.4): byte 1 is the length of what
     * follows; byte 2 holds the type (low 3 bits, 001 = IMSI), the odd/even bit (bit 4, set for an odd digit count) and
     * the first digit (high nibble); then swapped BCD with F padding.
     */
    public static String imsi(byte[] b) throws SimException {
        if (b.length < 2) {
            throw bad("EF_IMSI has " + b.length + " bytes");
        }
        int len = b[0] & 0xFF;
        if (len < 3 || len > 8 || len + 1 > b.length) {
            throw bad("EF_IMSI length byte " + len + " (3-8 expected, " + (b.length - 1) + " bytes follow)");
        }
        if ((b[1] & 0x07) != 0x01) {
            throw bad(String.format("EF_IMSI type nibble %X (expected IMSI, x1 or x9)", b[1] & 0x0F));
        }
        int first = (b[1] >>> 4) & 0x0F;
        if (first > 9) {
            throw bad("EF_IMSI first digit is not a digit");
        }
        String rest = Bcd.decodeSwapped(b, 2, len - 1);
        String imsi = first + rest;
        if (imsi.length() < 6 || imsi.length() > 15) {
            throw bad("IMSI of " + imsi.length() + " digits (6-15 expected)");
        }
        boolean odd = (b[1] & 0x08) != 0;
        if (odd != (imsi.length() % 2 == 1)) {
            throw bad("IMSI parity bit says " + (odd ? "odd" : "even") + " but it has " + imsi.length() + " digits");
        }
        return imsi;
    }

    /** One EF_MSISDN record: an optional alpha identifier and the number as stored. */
    public record StoredNumber(String alphaId, int tonNpi, String digits) {

        public boolean international() {
            return ((tonNpi >>> 4) & 0x07) == 0x01;
        }

        /** The number as dialled: "+" and the digits for an international number. */
        public String dialString() {
            return international() ? "+" + digits : digits;
        }

        /** The number as a Russian mobile number, when it is one. */
        public Optional<Msisdn> msisdn() {
            Msisdn.Parsed p = Msisdn.parse(dialString());
            return p instanceof Msisdn.Valid v ? Optional.of(v.msisdn()) : Optional.empty();
        }
    }

    /**
     * An EF_MSISDN record (TS 31.102 section 4.2.26, same layout as EF_ADN): X alpha bytes, then the length of the
     * BCD number in bytes (TON/NPI byte included), TON/NPI, 10 bytes of BCD number, capability id, extension id.
     * An unused record (all FF, or length byte FF) is empty.
     */
    public static Optional<StoredNumber> msisdnRecord(byte[] r) throws SimException {
        if (r.length < 14) {
            throw bad("EF_MSISDN record of " + r.length + " bytes (at least 14 expected)");
        }
        int x = r.length - 14;
        int numLen = r[x] & 0xFF;
        if (numLen == 0xFF || numLen == 0x00) {
            return Optional.empty();
        }
        if (numLen < 2 || numLen > 11) {
            throw bad("EF_MSISDN number length " + numLen + " (2-11 expected)");
        }
        int tonNpi = r[x + 1] & 0xFF;
        String digits = Bcd.decodeSwapped(r, x + 2, numLen - 1);
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredNumber(alpha(Arrays.copyOf(r, x)), tonNpi, digits));
    }

    /**
     * The GSM default alphabet in its 8-bit form (TS 31.102 annex A) for the alpha identifier. Only the printable ASCII
     * subset is shown; other bytes become '?', and FF padding ends it. UCS2 forms (80/81/82) are shown as '?'.
     */
    static String alpha(byte[] a) {
        StringBuilder s = new StringBuilder();
        for (byte b : a) {
            int c = b & 0xFF;
            if (c == 0xFF) {
                break;
            }
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }

    /** The AIDs of USIM applications in EF_DIR records (TS 102 221 section 13.1: template 61 with AID 4F). */
    public static List<byte[]> usimAids(List<byte[]> records) throws SimException {
        List<byte[]> out = new ArrayList<>();
        for (byte[] rec : records) {
            for (Tlv t : Tlv.parseAll(rec, 0, rec.length)) {
                if (t.tag() != 0x61) {
                    continue;
                }
                byte[] v = t.value();
                Tlv aid = Tlv.find(Tlv.parseAll(v, 0, v.length), 0x4F);
                if (aid == null) {
                    throw bad("EF_DIR application template without an AID (tag 4F)");
                }
                byte[] id = aid.value();
                if (id.length >= USIM_AID_PREFIX.length && id.length <= 16
                        && Arrays.equals(Arrays.copyOf(id, USIM_AID_PREFIX.length), USIM_AID_PREFIX)) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    private static SimException bad(String message) {
        return new SimException(SimException.Code.BAD_DATA, message);
    }
}
