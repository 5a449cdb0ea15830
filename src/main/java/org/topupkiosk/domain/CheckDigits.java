package org.topupkiosk.domain;

/** Check digits of the codes the kiosk reads: Luhn (ISO/IEC 7812-1) and the GS1 mod-10 digit of EAN/UPC. */
public final class CheckDigits {

    private CheckDigits() {}

    /** True when {@code digits} (all 0-9, at least two) ends in its Luhn check digit. */
    public static boolean luhnValid(String digits) {
        if (!allDigits(digits) || digits.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean twice = false; // the check digit itself is not doubled, its neighbour is
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The Luhn check digit to append to {@code payload} (all 0-9). */
    public static char luhnDigit(String payload) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhnValid(payload + c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not digits: " + payload);
    }

    /**
     * True when {@code digits} (EAN-13, EAN-8, UPC-A...) ends in its GS1 check digit: from the right, the digits next
     * to the check digit weigh 3, the others 1, and the total with the check digit is a multiple of 10.
     */
    public static boolean gs1Valid(String digits) {
        if (!allDigits(digits) || digits.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean three = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return sum % 10 == 0;
    }

    /** The GS1 check digit to append to {@code payload}. */
    public static char gs1Digit(String payload) {
        for (char c = '0'; c <= '9'; c++) {
            if (gs1Valid(payload + c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not digits: " + payload);
    }

    static boolean allDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
