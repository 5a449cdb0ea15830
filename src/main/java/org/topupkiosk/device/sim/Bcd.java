package org.topupkiosk.device.sim;

/**
 * Swapped BCD as SIM files store digits (3GPP TS 51.011 section 10.1.1 for EF_ICCID, 24.008 section 10.5.4.7 for
 * numbers): the low nibble is the first digit, the high nibble the second, and a nibble F pads the end.
 */
public final class Bcd {

    private Bcd() {}

    /**
     * Decodes {@code length} bytes from {@code offset}. Digits end at the first F; anything but F after it, or a
     * nibble A-E, is bad data.
     */
    public static String decodeSwapped(byte[] b, int offset, int length) throws SimException {
        if (offset < 0 || length < 0 || offset + length > b.length) {
            throw new SimException(SimException.Code.BAD_DATA, "BCD field " + offset + "+" + length
                    + " outside " + b.length + " bytes");
        }
        StringBuilder s = new StringBuilder(length * 2);
        boolean ended = false;
        for (int i = offset; i < offset + length; i++) {
            int[] nibbles = {b[i] & 0x0F, (b[i] >>> 4) & 0x0F};
            for (int n : nibbles) {
                if (n == 0x0F) {
                    ended = true;
                } else if (ended) {
                    throw new SimException(SimException.Code.BAD_DATA, "digit after the F padding at byte " + i);
                } else if (n > 9) {
                    throw new SimException(SimException.Code.BAD_DATA, String.format(
                            "nibble %X at byte %d is not a decimal digit", n, i));
                } else {
                    s.append((char) ('0' + n));
                }
            }
        }
        return s.toString();
    }

    /** Encodes digits as swapped BCD, padding with F to {@code length} bytes (the emulator writes its files so). */
    public static byte[] encodeSwapped(String digits, int length) {
        if (!digits.matches("\\d*") || digits.length() > length * 2) {
            throw new IllegalArgumentException("cannot encode '" + digits + "' in " + length + " BCD bytes");
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length * 2; i++) {
            int n = i < digits.length() ? digits.charAt(i) - '0' : 0x0F;
            out[i / 2] |= (byte) (i % 2 == 0 ? n : n << 4);
        }
        return out;
    }

    /** The Luhn check (ISO/IEC 7812-1) over all digits, the last being the check digit. */
    public static boolean luhnValid(String digits) {
        if (digits.isEmpty() || !digits.matches("\\d+")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The Luhn digit to append to {@code payload}. */
    public static int luhnDigit(String payload) {
        for (int d = 0; d <= 9; d++) {
            if (luhnValid(payload + d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not digits: " + payload);
    }
}
