package org.topupkiosk.journal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fiscal attributes of a document the register signed, as the journal keeps them with the order (schema V9).
 *
 * @param fnSerial    the fiscal storage's serial number, 16 digits
 * @param docNumber   the fiscal document number (ФД)
 * @param fiscalSign  the fiscal sign (ФП), unsigned 32 bits
 * @param docTime     the register's date and time of the document, ISO local ({@code 2026-12-07T03:41})
 * @param sumMinor    the document's sum in kopecks
 * @param shiftNumber the register's shift
 * @param adopted     true when a restart found it as the register's last document rather than hearing the answer
 */
public record FiscalRecord(String fnSerial, long docNumber, long fiscalSign, String docTime, long sumMinor,
        int shiftNumber, boolean adopted) {

    private static final Pattern FN = Pattern.compile("[0-9]{16}");

    public FiscalRecord {
        Objects.requireNonNull(fnSerial, "fnSerial");
        Objects.requireNonNull(docTime, "docTime");
        if (!FN.matcher(fnSerial).matches()) {
            throw new IllegalArgumentException("fnSerial must be 16 digits: " + fnSerial);
        }
        if (docNumber <= 0 || fiscalSign < 0 || fiscalSign > 0xFFFF_FFFFL || sumMinor <= 0 || docTime.length() < 16) {
            throw new IllegalArgumentException("fiscal document out of range: number " + docNumber + " sign "
                    + fiscalSign + " sum " + sumMinor + " time " + docTime);
        }
    }
}
