package org.topupkiosk.domain;

import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/** Check digits of the codes the kiosk reads: Luhn (ISO/IEC 7812-1) and the GS1 mod-10 digit of EAN/UPC. */
public final class CheckDigits {

    private CheckDigits() {}

    /** True when {@code digits} (all 0-9, at least two) ends in its Luhn check digit. */
    public static boolean luhnValid(String digits) {
        // The check digit itself is not doubled, its neighbour is; a doubled digit above 9 counts its digit sum.
        return mod10(digits, d -> d * 2 > 9 ? d * 2 - 9 : d * 2);
    }

    /** The Luhn check digit to append to {@code payload} (all 0-9). */
    public static char luhnDigit(String payload) {
        return digitFor(payload, CheckDigits::luhnValid);
    }

    /**
     * True when {@code digits} (EAN-13, EAN-8, UPC-A...) ends in its GS1 check digit: from the right, the digits next
     * to the check digit weigh 3, the others 1, and the total with the check digit is a multiple of 10.
     */
    public static boolean gs1Valid(String digits) {
        return mod10(digits, d -> 3 * d);
    }

    /** The GS1 check digit to append to {@code payload}. */
    public static char gs1Digit(String payload) {
        return digitFor(payload, CheckDigits::gs1Valid);
    }

    /**
     * True when {@code digits} (all 0-9, at least two) add up to a multiple of 10, counting from the right every
     * second digit, starting with the check digit's neighbour, as {@code weighted} gives it.
     */
    private static boolean mod10(String digits, IntUnaryOperator weighted) {
        if (!allDigits(digits) || digits.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean weigh = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += weigh ? weighted.applyAsInt(d) : d;
            weigh = !weigh;
        }
        return sum % 10 == 0;
    }

    private static char digitFor(String payload, Predicate<String> valid) {
        for (char c = '0'; c <= '9'; c++) {
            if (valid.test(payload + c)) {
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
