package org.topupkiosk.journal;

import java.security.SecureRandom;
import java.util.Random;
import org.topupkiosk.domain.CheckDigits;
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
        StringBuilder sb = new StringBuilder(LENGTH);
        sb.append((char) ('1' + random.nextInt(9)));
        while (sb.length() < LENGTH - 1) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.append(CheckDigits.luhnDigit(sb.toString())).toString();
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == LENGTH && CheckDigits.luhnValid(code);
    }

    /** "1234 5678 9012 34": how receipts print it. */
    public static String pretty(String code) {
        return code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " " + code.substring(12);
    }
}
