package org.topupkiosk.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.topupkiosk.domain.CodeMeaning.CreditVoucher;
import org.topupkiosk.domain.CodeMeaning.EsimOrder;
import org.topupkiosk.domain.CodeMeaning.GoodsClaim;
import org.topupkiosk.domain.CodeMeaning.PhoneNumber;
import org.topupkiosk.domain.CodeMeaning.ScratchCard;
import org.topupkiosk.domain.CodeMeaning.Unknown;
import org.topupkiosk.domain.CodeMeaning.Unknown.Reason;

/**
 * Reads what a scanned code means: pure, total (any text gives a meaning, never an exception). The payload formats
 * are documented in docs/scanner-codes.md. The order of the checks matters: the prefixed forms ({@code LPA:},
 * {@code tel:}) first, then digit strings by length, where 12 digits are the kiosk's own credit vouchers, 14 digits the
 * claim code of an e-PIN or eSIM the carrier had not issued yet, 16 digits a scratch-card PIN and 13 digits an EAN-13
 * card number.
 */
public final class ScannedCode {

    /** Longest text looked at; a QR code holds more, but none of ours does. */
    public static final int MAX_LENGTH = 1024;
    public static final int CREDIT_CODE_LENGTH = 12;
    public static final int SCRATCH_PIN_LENGTH = 16;
    /** An e-PIN or eSIM claim code printed on a pending receipt (docs/scanner-codes.md). */
    public static final int CLAIM_CODE_LENGTH = 14;
    /** GS1 prefixes 20-29 are for restricted circulation (in-store numbering); scratch cards use 29. */
    public static final String SCRATCH_EAN_PREFIX = "29";

    /** Families the kiosk's vouchers are printed in; UNKNOWN is a reader that does not say. */
    private static final Set<Symbology> VOUCHER_FAMILIES =
            Set.of(Symbology.QR_CODE, Symbology.CODE_128, Symbology.EAN_13, Symbology.UNKNOWN);
    private static final Pattern GROUPED_DIGITS = Pattern.compile("\\d+(?:[ -]\\d+)*");
    private static final Pattern FQDN = Pattern.compile(
            "(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");
    private static final Pattern MATCHING_ID = Pattern.compile("[0-9A-Za-z-]{1,255}");
    private static final Pattern OID = Pattern.compile("[0-2](?:\\.(?:0|[1-9][0-9]{0,9}))+");

    private ScannedCode() {}

    public static CodeMeaning classify(String text, Symbology symbology) {
        Symbology family = symbology == null ? Symbology.UNKNOWN : symbology;
        if (text == null) {
            return new Unknown(Reason.EMPTY, "no text");
        }
        if (text.length() > MAX_LENGTH) {
            return new Unknown(Reason.TOO_LONG, text.length() + " characters (at most " + MAX_LENGTH + ")");
        }
        String s = stripControls(text);
        if (s.isEmpty()) {
            return new Unknown(Reason.EMPTY, "only blanks or control characters");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("lpa:")) {
            return esim(s);
        }
        if (lower.startsWith("tel:")) {
            return tel(s.substring(4));
        }
        if (!GROUPED_DIGITS.matcher(s).matches()) {
            return new Unknown(Reason.NOT_RECOGNIZED, "not a code the kiosk takes (" + s.length() + " characters)");
        }
        String digits = s.replace(" ", "").replace("-", "");
        if (!VOUCHER_FAMILIES.contains(family)) {
            return new Unknown(Reason.UNSUPPORTED_FORMAT, digits.length() + " digits in " + family);
        }
        if (family == Symbology.EAN_13 || (digits.length() == 13 && family == Symbology.UNKNOWN)) {
            return ean13(digits, family);
        }
        if (digits.length() == CREDIT_CODE_LENGTH) {
            return CheckDigits.luhnValid(digits) ? new CreditVoucher(digits)
                    : new Unknown(Reason.CHECK_DIGIT, "12 digits with a wrong Luhn digit (credit voucher?)");
        }
        if (digits.length() == CLAIM_CODE_LENGTH) {
            return CheckDigits.luhnValid(digits) ? new GoodsClaim(digits)
                    : new Unknown(Reason.CHECK_DIGIT, "14 digits with a wrong Luhn digit (claim code?)");
        }
        if (digits.length() == SCRATCH_PIN_LENGTH) {
            return CheckDigits.luhnValid(digits) ? new ScratchCard(digits, family)
                    : new Unknown(Reason.CHECK_DIGIT, "16 digits with a wrong Luhn digit (scratch-card PIN?)");
        }
        return new Unknown(Reason.NOT_RECOGNIZED, digits.length() + " digits match no voucher format");
    }

    private static CodeMeaning ean13(String digits, Symbology family) {
        if (digits.length() != 13) {
            return new Unknown(Reason.NOT_RECOGNIZED, "EAN-13 with " + digits.length() + " digits");
        }
        if (!CheckDigits.gs1Valid(digits)) {
            return new Unknown(Reason.CHECK_DIGIT, "EAN-13 with a wrong check digit");
        }
        if (!digits.startsWith(SCRATCH_EAN_PREFIX)) {
            return new Unknown(Reason.PRODUCT_BARCODE, "EAN-13 outside prefix " + SCRATCH_EAN_PREFIX);
        }
        return new ScratchCard(digits, family == Symbology.UNKNOWN ? Symbology.EAN_13 : family);
    }

    /** SGP.22 4.1: "LPA:" then "1" $ SM-DP+ address $ matching id [$ SM-DP+ OID [$ confirmation code flag]]. */
    private static CodeMeaning esim(String s) {
        String body = s.substring(4);
        String[] f = body.split("\\$", -1);
        if (f.length < 3 || f.length > 5) {
            return new Unknown(Reason.BAD_ESIM_CODE, "expected 3 to 5 $-separated fields, found " + f.length);
        }
        if (!"1".equals(f[0])) {
            return new Unknown(Reason.BAD_ESIM_CODE, "activation code format must be 1");
        }
        if (!FQDN.matcher(f[1]).matches()) {
            return new Unknown(Reason.BAD_ESIM_CODE, "SM-DP+ address is not a host name");
        }
        if (!MATCHING_ID.matcher(f[2]).matches()) {
            return new Unknown(Reason.BAD_ESIM_CODE, "matching id is empty or has characters other than 0-9 A-Z -");
        }
        Optional<String> oid = Optional.empty();
        if (f.length >= 4 && !f[3].isEmpty()) {
            if (!OID.matcher(f[3]).matches()) {
                return new Unknown(Reason.BAD_ESIM_CODE, "SM-DP+ OID is not a dotted object identifier");
            }
            oid = Optional.of(f[3]);
        }
        boolean confirm = false;
        if (f.length == 5) {
            if (!"1".equals(f[4])) {
                return new Unknown(Reason.BAD_ESIM_CODE, "confirmation flag must be 1 when present");
            }
            confirm = true;
        }
        return new EsimOrder(f[1].toLowerCase(Locale.ROOT), f[2], oid, confirm, "LPA:" + body);
    }

    /** RFC 3966: a global number with visual separators, parameters after ';' ignored, %XX escapes decoded. */
    private static CodeMeaning tel(String uri) {
        int semicolon = uri.indexOf(';');
        String number = semicolon >= 0 ? uri.substring(0, semicolon) : uri;
        Optional<String> decoded = percentDecode(number);
        if (decoded.isEmpty()) {
            return new Unknown(Reason.BAD_PHONE_NUMBER, "broken %-escape in tel: URI");
        }
        Msisdn.Parsed parsed = Msisdn.parse(decoded.get());
        if (parsed instanceof Msisdn.Valid v) {
            return new PhoneNumber(v.msisdn());
        }
        Msisdn.Invalid bad = (Msisdn.Invalid) parsed;
        return new Unknown(Reason.BAD_PHONE_NUMBER, "tel: number refused: " + bad.reason() + " (" + bad.detail() + ")");
    }

    private static Optional<String> percentDecode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i + 2 >= s.length()) {
                return Optional.empty();
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0 || hi > 7) {
                return Optional.empty(); // ASCII only: a phone number has no reason for more
            }
            sb.append((char) (hi * 16 + lo));
            i += 2;
        }
        return Optional.of(sb.toString());
    }

    /** Trims blanks and the control characters scanners add (CR, LF, TAB, GS of GS1 codes) at both ends. */
    private static String stripControls(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) <= ' ' || Character.isWhitespace(text.charAt(from)))) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) <= ' ' || Character.isWhitespace(text.charAt(to - 1)))) {
            to--;
        }
        return text.substring(from, to);
    }
}
