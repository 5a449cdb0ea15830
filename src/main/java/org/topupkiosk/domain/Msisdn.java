package org.topupkiosk.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A Russian mobile number in E.164 form (+79XXXXXXXXX). Build one through {@link #parse(String)}, which accepts the
 * ways people type such numbers and explains every refusal with a {@link Rejection} the screen can translate.
 */
public record Msisdn(String e164) {

    /** Why a typed number was refused. {@link #messageKey()} is the i18n key for the customer's screen. */
    public enum Rejection {
        EMPTY,
        ILLEGAL_CHARACTER,
        UNBALANCED_BRACKETS,
        TOO_SHORT,
        TOO_LONG,
        NOT_RUSSIAN,
        NOT_MOBILE;

        public String messageKey() {
            return "msisdn.error." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of parsing: a number or a reason, never both. */
    public sealed interface Parsed permits Valid, Invalid {}

    public record Valid(Msisdn msisdn) implements Parsed {}

    public record Invalid(Rejection reason, String detail) implements Parsed {}

    public Msisdn {
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+79\\d{9}")) {
            throw new IllegalArgumentException("not a Russian mobile E.164 number: " + e164);
        }
    }

    /**
     * Accepts "+7 9xx", "8 9xx", "7 9xx" and bare "9xx" with spaces, dashes, dots and one pair of brackets
     * anywhere between digits. A leading "+" must be followed by 7.
     */
    public static Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            return new Invalid(Rejection.EMPTY, "nothing typed");
        }
        String s = input.strip();
        StringBuilder digits = new StringBuilder(12);
        boolean plus = false;
        int open = 0;
        int brackets = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+') {
                if (i != 0) {
                    return new Invalid(Rejection.ILLEGAL_CHARACTER, "'+' only at the start");
                }
                plus = true;
            } else if (c == '(') {
                if (open > 0 || brackets > 0) {
                    return new Invalid(Rejection.UNBALANCED_BRACKETS, "only one pair of brackets");
                }
                open++;
            } else if (c == ')') {
                if (open == 0) {
                    return new Invalid(Rejection.UNBALANCED_BRACKETS, "')' without '('");
                }
                open--;
                brackets++;
            } else if (c == ' ' || c == '-' || c == '.' || c == '\u00A0' || c == '\t') {
                // separators people use when they type or paste a number
            } else {
                return new Invalid(Rejection.ILLEGAL_CHARACTER, "character '" + printable(c) + "' at " + (i + 1));
            }
            if (digits.length() > 15) {
                return new Invalid(Rejection.TOO_LONG, "more than 15 digits");
            }
        }
        if (open != 0) {
            return new Invalid(Rejection.UNBALANCED_BRACKETS, "'(' without ')'");
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            return new Invalid(Rejection.EMPTY, "no digits");
        }
        String national;
        if (plus) {
            if (!d.startsWith("7")) {
                return new Invalid(Rejection.NOT_RUSSIAN, "country code +" + d.substring(0, Math.min(3, d.length())));
            }
            national = d.substring(1);
        } else if (d.length() == 11 && (d.startsWith("8") || d.startsWith("7"))) {
            national = d.substring(1);
        } else if (d.length() > 11) {
            return new Invalid(Rejection.TOO_LONG, d.length() + " digits");
        } else if (d.length() == 11) {
            return new Invalid(Rejection.NOT_RUSSIAN, "11 digits must start with 8 or 7");
        } else {
            national = d;
        }
        if (national.length() < 10) {
            return new Invalid(Rejection.TOO_SHORT, national.length() + " of 10 digits");
        }
        if (national.length() > 10) {
            return new Invalid(Rejection.TOO_LONG, national.length() + " of 10 digits");
        }
        if (national.charAt(0) != '9') {
            return new Invalid(Rejection.NOT_MOBILE, "code " + national.substring(0, 3) + " is not a mobile range");
        }
        return new Valid(new Msisdn("+7" + national));
    }

    /** Parses or throws; for trusted sources such as the journal. */
    public static Msisdn of(String input) {
        Parsed p = parse(input);
        if (p instanceof Valid v) {
            return v.msisdn();
        }
        Invalid inv = (Invalid) p;
        throw new IllegalArgumentException("bad number '" + input + "': " + inv.reason() + " (" + inv.detail() + ")");
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** The ten national digits, "9161234567". */
    public String national() {
        return e164.substring(2);
    }

    /** "+7 916 123-45-67". */
    public String pretty() {
        String n = national();
        return "+7 " + n.substring(0, 3) + " " + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8);
    }

    /** "+7 916 ***-**-67": what receipts, logs and the done screen show. */
    public String masked() {
        String n = national();
        return "+7 " + n.substring(0, 3) + " ***-**-" + n.substring(8);
    }

    @Override
    public String toString() {
        return masked();
    }
}
