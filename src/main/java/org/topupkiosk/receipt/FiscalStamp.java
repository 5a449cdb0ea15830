package org.topupkiosk.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.FiscalRecord;

/**
 * The fiscal part of a customer's receipt (issue 13): the fiscal register's attributes as the journal keeps them (FN,
 * document number ФД, fiscal sign ФП, the register's date and time) under a heading, and the receipt's QR code becomes
 * the tax service's check code ({@code t=...&s=...&fn=...&i=...&fp=...&n=1}), which a customer's phone checks. A claim
 * code stays the receipt's barcode; the lookup link stays as text.
 */
final class FiscalStamp {

    private FiscalStamp() {}

    static Receipt stamp(Receipt receipt, FiscalRecord doc, String qrText, boolean refund, Messages messages,
            Lang lang) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(qrText, "qrText");
        ReceiptWriter w = new ReceiptWriter(messages, lang, receipt.columns());
        w.rule();
        w.centred(w.label(refund ? "receipt.fiscal.title.return" : "receipt.fiscal.title"), Receipt.Style.CENTER);
        w.pair("receipt.fiscal.fn", doc.fnSerial());
        w.pair("receipt.fiscal.fd", Long.toString(doc.docNumber()));
        w.pair("receipt.fiscal.fp", Long.toString(doc.fiscalSign()));
        w.pair("receipt.fiscal.time", doc.docTime().replace('T', ' '));
        w.text(w.msg("receipt.fiscal.check"));
        boolean activation = receipt.qrPayload() != null && receipt.qrPayload().startsWith("LPA:");
        if (activation) {
            // An eSIM's QR code is its activation code: it stays, and the check code is printed as text.
            w.text(qrText);
        }
        List<Line> lines = new ArrayList<>(receipt.lines());
        lines.addAll(w.build(receipt.id(), null, null).lines());
        return new Receipt(receipt.id(), receipt.columns(), lines, activation ? receipt.qrPayload() : qrText,
                receipt.barcode());
    }
}
