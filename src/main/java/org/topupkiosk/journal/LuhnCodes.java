package org.topupkiosk.journal;

import java.util.Random;
import org.topupkiosk.domain.CheckDigits;

/** What credit vouchers and goods claim codes share: random digits closed by a Luhn digit, printed in fours. */
final class LuhnCodes {

    private LuhnCodes() {}

    /** {@code length} digits, the last the Luhn check digit; the first not 0 when {@code leadingNonZero}. */
    static String next(Random random, int length, boolean leadingNonZero) {
        StringBuilder sb = new StringBuilder(length);
        if (leadingNonZero) {
            sb.append((char) ('1' + random.nextInt(9)));
        }
        while (sb.length() < length - 1) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.append(CheckDigits.luhnDigit(sb.toString())).toString();
    }

    static boolean isValid(String code, int length) {
        return code != null && code.length() == length && CheckDigits.luhnValid(code);
    }

    /** The code in groups of four digits, the last group what is left ("1234 5678 9012 34"). */
    static String pretty(String code) {
        StringBuilder sb = new StringBuilder(code.length() + code.length() / 4);
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(code, i, Math.min(i + 4, code.length()));
        }
        return sb.toString();
    }
}
