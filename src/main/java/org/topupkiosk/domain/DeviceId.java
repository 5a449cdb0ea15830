package org.topupkiosk.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;

/**
 * The phone an eSIM is bought for, as the customer may type it: its EID (the eUICC's 32-digit id, GSMA SGP.29, whose
 * last two digits make the whole number equal 1 modulo 97, ISO/IEC 7064 MOD 97-10) or its IMEI (15 digits, the last a
 * Luhn check digit, 3GPP TS 23.003 section 6.2.1). Both show on the phone after dialling {@code *#06#}. Not a secret,
 * but personal: logs carry {@link #masked()}.
 */
public record DeviceId(Kind kind, String digits) {

    public static final int EID_LENGTH = 32;
    public static final int IMEI_LENGTH = 15;
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public enum Kind {
        EID, IMEI;

        /** The wire and journal name: {@code eid} or {@code imei}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why typed digits are not a device id; each has a message in ru, en and zh ({@link #messageKey()}). */
    public enum Problem {
        /** Neither 15 (IMEI) nor 32 (EID) digits. */
        LENGTH,
        /** 15 digits whose last is not their Luhn check digit. */
        IMEI_CHECK_DIGIT,
        /** 32 digits that are not 1 modulo 97. */
        EID_CHECK_DIGITS,
        /** Something other than digits, spaces and dashes. */
        NOT_DIGITS;

        public String messageKey() {
            return "goods.device." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The result of {@link #parse}: a device id, or the problem with the text. */
    public sealed interface Parsed permits Valid, Invalid {}

    public record Valid(DeviceId id) implements Parsed {}

    public record Invalid(Problem problem) implements Parsed {}

    public DeviceId {
        Objects.requireNonNull(kind, "kind");
        boolean ok = kind == Kind.IMEI
                ? digits != null && digits.length() == IMEI_LENGTH && CheckDigits.luhnValid(digits)
                : eidValid(digits);
        if (!ok) {
            throw new IllegalArgumentException("not a valid " + kind + ": " + mask(digits));
        }
    }

    /** Reads typed or scanned digits (spaces and dashes allowed); total, never throws. */
    public static Parsed parse(String text) {
        if (text == null) {
            return new Invalid(Problem.LENGTH);
        }
        String d = text.replaceAll("[\\s-]", "");
        if (!CheckDigits.allDigits(d)) {
            return d.isEmpty() ? new Invalid(Problem.LENGTH) : new Invalid(Problem.NOT_DIGITS);
        }
        if (d.length() == IMEI_LENGTH) {
            return CheckDigits.luhnValid(d) ? new Valid(ofChecked(Kind.IMEI, d)) : new Invalid(Problem.IMEI_CHECK_DIGIT);
        }
        if (d.length() == EID_LENGTH) {
            return eidValid(d) ? new Valid(ofChecked(Kind.EID, d)) : new Invalid(Problem.EID_CHECK_DIGITS);
        }
        return new Invalid(Problem.LENGTH);
    }

    /** A device id known to be valid; refuses anything {@link #parse} would not accept. */
    public static DeviceId of(String text) {
        Parsed p = parse(text);
        if (p instanceof Valid v) {
            return v.id();
        }
        throw new IllegalArgumentException("not an EID or IMEI (" + ((Invalid) p).problem() + "): " + mask(text));
    }

    /** 32 digits whose value is 1 modulo 97 (the EID's two check digits, as in an IBAN). */
    public static boolean eidValid(String digits) {
        return digits != null && digits.length() == EID_LENGTH && CheckDigits.allDigits(digits)
                && new BigInteger(digits).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** The two check digits that complete a 30-digit EID body. */
    public static String eidCheckDigits(String body30) {
        if (body30 == null || body30.length() != EID_LENGTH - 2 || !CheckDigits.allDigits(body30)) {
            throw new IllegalArgumentException("an EID body is 30 digits");
        }
        int r = new BigInteger(body30 + "00").mod(NINETY_SEVEN).intValue();
        return String.format(Locale.ROOT, "%02d", 98 - r);
    }

    /** For logs: the last four digits only. */
    public String masked() {
        return mask(digits);
    }

    @Override
    public String toString() {
        return "DeviceId[" + kind + " " + masked() + "]";
    }

    private static DeviceId ofChecked(Kind kind, String digits) {
        return new DeviceId(kind, digits);
    }

    private static String mask(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 4 ? "****" : "*".repeat(s.length() - 4) + s.substring(s.length() - 4);
    }
}
