package org.topupkiosk.receipt;

import static org.topupkiosk.receipt.ReceiptFrame.status;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.receipt.ReceiptFacts.CreditVoucher;
import org.topupkiosk.receipt.ReceiptFacts.VoucherRedemption;

/** The receipts of stored value: a carrier voucher redeemed to a number, and the kiosk's own credit voucher. */
record CreditLayouts(ReceiptFrame frame) {

    Receipt voucherRedemption(VoucherRedemption v, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.voucher", lang, v.at());
        w.pair("receipt.txn", v.txnId());
        w.pair("receipt.operator", v.operatorName());
        w.pair("receipt.number", v.maskedNumber());
        w.pair("receipt.voucher.serial", v.voucherSerialMasked());
        w.pairBold("receipt.voucher.nominal", w.money(v.faceValue()));
        status(w, v.status());
        return frame.footer(w).build(v.txnId() + "-voucher", frame.lookupLink(v.txnId()), null);
    }

    Receipt creditVoucher(CreditVoucher c, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.credit", lang, c.issuedAt());
        if (c.sourceTxn() != null) {
            w.pair("receipt.txn", c.sourceTxn());
        }
        w.pairBold("receipt.credit.amount", w.money(c.amount()));
        w.centred(w.label("receipt.credit.code"), Receipt.Style.CENTER);
        w.large(c.code());
        w.text(w.msg("receipt.credit.howto"));
        w.pair("receipt.support", frame.supportPhone());
        return w.build("credit-" + c.code(), c.code(), c.code());
    }
}
