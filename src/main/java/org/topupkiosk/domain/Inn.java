package org.topupkiosk.domain;

/**
 * A Russian taxpayer number (ИНН) as the tax service issues it: 10 digits for an organisation, with one check digit,
 * or 12 for a person or an individual entrepreneur, with two. Fiscal receipts carry the payment agent's and each
 * supplier's INN (tags 1018, 1226); a mistyped one is caught here by its check digits before a receipt is refused.
 */
public final class Inn {

    private static final int[] TEN = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ELEVEN = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] TWELVE = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() {}

    /** Why {@code text} is not an INN, or null when it is one. */
    public static String problem(String text) {
        if (text == null || !text.matches("\\d{10}|\\d{12}")) {
            return "is not an INN (expected 10 digits for an organisation or 12 for an entrepreneur)";
        }
        if (!valid(text)) {
            return "has a wrong check digit (an INN's last " + (text.length() == 10 ? "digit is" : "two digits are")
                    + " computed from the others: check it for a typo)";
        }
        return null;
    }

    /** True for 10 or 12 digits whose check digits are right. */
    public static boolean valid(String text) {
        if (text == null || !text.matches("\\d{10}|\\d{12}")) {
            return false;
        }
        if (text.length() == 10) {
            return checkDigit(text, TEN) == text.charAt(9) - '0';
        }
        return checkDigit(text, ELEVEN) == text.charAt(10) - '0' && checkDigit(text, TWELVE) == text.charAt(11) - '0';
    }

    /** The check digit over the first {@code weights.length} digits: the weighted sum mod 11, then mod 10. */
    public static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum % 11 % 10;
    }

    /** Completes 9 digits (an organisation) or 10 digits (a person) with their check digits. */
    public static String complete(String body) {
        if (body.matches("\\d{9}")) {
            return body + checkDigit(body, TEN);
        }
        if (body.matches("\\d{10}")) {
            String eleven = body + checkDigit(body, ELEVEN);
            return eleven + checkDigit(eleven, TWELVE);
        }
        throw new IllegalArgumentException("expected 9 or 10 digits, got " + body.length());
    }
}
