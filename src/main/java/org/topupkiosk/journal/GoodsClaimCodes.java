package org.topupkiosk.journal;

import java.security.SecureRandom;
import java.util.Random;
import org.topupkiosk.domain.ScannedCode;

/**
 * Claim codes of e-PIN and eSIM orders: 14 digits, the last a Luhn check digit (docs/scanner-codes.md), random so one
 * cannot be guessed from another. The length tells them from credit vouchers (12) and scratch-card PINs (16) when the
 * scanner reads one.
 */
public final class GoodsClaimCodes {

    public static final int LENGTH = ScannedCode.CLAIM_CODE_LENGTH;

    private final Random random;

    public GoodsClaimCodes() {
        this(new SecureRandom());
    }

    GoodsClaimCodes(Random random) {
        this.random = random;
    }

    public String next() {
        return LuhnCodes.next(random, LENGTH, true);
    }

    public static boolean isValid(String code) {
        return LuhnCodes.isValid(code, LENGTH);
    }

    /** "1234 5678 9012 34": how receipts print it. */
    public static String pretty(String code) {
        return LuhnCodes.pretty(code);
    }
}
