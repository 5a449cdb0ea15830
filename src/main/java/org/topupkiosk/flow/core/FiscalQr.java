package org.topupkiosk.flow.core;

import java.time.LocalDateTime;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.journal.FiscalRecord;

/** The tax service's check code of a journaled fiscal document: {@link FiscalDocument#qrText()}. */
public final class FiscalQr {

    private FiscalQr() {}

    public static String text(FiscalRecord r, boolean refund) {
        return new FiscalDocument(refund ? FiscalDocument.Kind.RECEIPT_INCOME_RETURN : FiscalDocument.Kind.RECEIPT_INCOME,
                r.docNumber(), r.fiscalSign(), LocalDateTime.parse(r.docTime()), r.sumMinor(), r.fnSerial(),
                r.shiftNumber()).qrText();
    }
}
