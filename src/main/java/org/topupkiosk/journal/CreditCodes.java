package org.topupkiosk.journal;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Credit voucher codes: 12 digits, the last a Luhn check digit, so a cashier or customer typing it catches any single
 * wrong digit and most swapped neighbours. Random rather than sequential so a code cannot be guessed from another.
 */
public final class CreditCodes {

    public static final int LENGTH = 12;

    private final Random random;

    public CreditCodes() {
        this(new SecureRandom());
    }

    CreditCodes(Random random) {
        this.random = random;
    }

    public String next() {
        return LuhnCodes.next(random, LENGTH, false);
    }

    /** Strips the spaces and dashes people type or a voucher prints ("1234 5678 9012"). */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    public static boolean isValid(String code) {
        return LuhnCodes.isValid(code, LENGTH);
    }

    /** "1234 5678 9012": how vouchers print the code. */
    public static String pretty(String code) {
        return LuhnCodes.pretty(code);
    }
}
