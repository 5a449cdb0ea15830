package org.topupkiosk.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for a log line that may carry a bearer code: a receipt id such as {@code credit-<voucher code>} names the code it
 * prints. Every run of eight or more digits keeps only its last four ("credit-********1234"), as receipts mask codes.
 */
public final class LogSafe {

    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9]{8,}");

    private LogSafe() {}

    public static String id(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String d = m.group();
            m.appendReplacement(out, "*".repeat(d.length() - 4) + d.substring(d.length() - 4));
        }
        m.appendTail(out);
        return out.toString();
    }
}
