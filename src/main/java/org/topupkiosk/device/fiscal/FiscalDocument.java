package org.topupkiosk.device.fiscal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A document the fiscal storage signed: what the journal keeps with the order and the customer's receipt shows.
 *
 * @param kind       what the document is
 * @param number     its fiscal document number (ФД), counted by the storage from 1
 * @param fiscalSign its fiscal sign (ФП), an unsigned 32-bit number printed as up to 10 digits
 * @param dateTime   the register's date and time of the document, to the minute at least
 * @param sumMinor   the receipt's total in kopecks (0 for shift documents)
 * @param fnSerial   the storage that signed it, 16 digits
 * @param shiftNumber the shift it belongs to
 */
public record FiscalDocument(Kind kind, long number, long fiscalSign, LocalDateTime dateTime, long sumMinor,
        String fnSerial, int shiftNumber) {

    public enum Kind { RECEIPT_INCOME, RECEIPT_INCOME_RETURN, SHIFT_OPEN, SHIFT_CLOSE, OTHER }

    private static final DateTimeFormatter QR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    public FiscalDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(fnSerial, "fnSerial");
        if (number <= 0 || fiscalSign < 0 || fiscalSign > 0xFFFF_FFFFL || sumMinor < 0) {
            throw new IllegalArgumentException("fiscal document out of range: " + number + "/" + fiscalSign);
        }
    }

    /**
     * The receipt's check code as the tax service reads it: {@code t=YYYYMMDDTHHMM&s=SUM&fn=FN&i=FD&fp=FP&n=1}, the sum in
     * roubles with two decimals, n=1 for "приход" and 2 for "возврат прихода".
     */
    public String qrText() {
        int n = kind == Kind.RECEIPT_INCOME_RETURN ? 2 : 1;
        String sum = (sumMinor / 100) + "." + String.format("%02d", sumMinor % 100);
        return "t=" + QR_TIME.format(dateTime) + "&s=" + sum + "&fn=" + fnSerial + "&i=" + number + "&fp="
                + fiscalSign + "&n=" + n;
    }
}
