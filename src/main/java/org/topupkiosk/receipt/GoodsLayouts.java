package org.topupkiosk.receipt;

import static org.topupkiosk.receipt.ReceiptFrame.overpaymentVoucher;
import static org.topupkiosk.receipt.ReceiptFrame.paidLines;
import static org.topupkiosk.receipt.ReceiptFrame.status;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.receipt.ReceiptFacts.EPin;
import org.topupkiosk.receipt.ReceiptFacts.Esim;
import org.topupkiosk.receipt.ReceiptFacts.Sale;

/** The receipts of goods: an e-PIN, an eSIM, and either of them paid while the carrier had not answered yet. */
record GoodsLayouts(ReceiptFrame frame) {

    Receipt ePin(EPin e, Lang lang) {
        Sale sale = e.sale();
        ReceiptWriter w = goodsHead("receipt.title.epin", lang, sale, e.productName(), sale.amount());
        w.centred(w.label("receipt.epin.pin"), Receipt.Style.CENTER);
        w.large(e.pin());
        w.pair("receipt.epin.serial", e.serial());
        w.text(e.howToUse() != null ? e.howToUse() : w.msg("receipt.epin.howto", sale.operatorName()));
        w.text(w.msg("receipt.epin.keep"));
        return frame.footer(w).build(sale.txnId() + "-epin", frame.lookupLink(sale.txnId()), null);
    }

    Receipt esim(Esim e, Lang lang) {
        Sale sale = e.sale();
        ReceiptWriter w = goodsHead("receipt.title.esim", lang, sale, e.planName(), e.price());
        w.text(w.msg("receipt.esim.scan"));
        w.text(w.msg("receipt.esim.manual"));
        String[] parts = e.activationCode().split("\\$");
        if (parts.length >= 3) {
            w.heading("receipt.esim.smdp");
            w.text(parts[1]);
            w.heading("receipt.esim.matching");
            w.text(parts[2]);
        } else {
            w.text(e.activationCode());
        }
        w.text(w.msg("receipt.esim.once"));
        if (frame.lookupLink(sale.txnId()) != null) {
            w.heading("receipt.lookup");
            w.text(frame.lookupLink(sale.txnId()));
        }
        // The QR code under this is the activation code, not the lookup link: say so right above it.
        w.rule();
        w.pair("receipt.support", frame.supportPhone());
        w.centred(w.label("receipt.esim.qr"), Receipt.Style.CENTER_BOLD);
        return w.build(sale.txnId() + "-esim", e.activationCode(), null);
    }

    Receipt goodsPending(Sale sale, String productName, boolean esim, String claimCode, String claimPretty,
                         Lang lang) {
        ReceiptWriter w = goodsHead(esim ? "receipt.title.esim" : "receipt.title.epin", lang, sale, productName,
                sale.amount());
        w.text(w.msg(esim ? "receipt.goods.pending.esim" : "receipt.goods.pending.epin"));
        w.centred(w.label("receipt.goods.claim"), Receipt.Style.CENTER);
        w.large(claimPretty);
        w.text(w.msg("receipt.goods.claim_secret"));
        // The codes under this are the claim code, not the lookup link: no "check online" line above them.
        w.rule();
        w.pair("receipt.support", frame.supportPhone());
        return w.build(sale.txnId() + "-pending", claimCode, claimCode);
    }

    /** The header, what was bought and the money paid for it, then a rule: the top of every goods receipt. */
    private ReceiptWriter goodsHead(String titleKey, Lang lang, Sale sale, String name, Money price) {
        ReceiptWriter w = frame.header(titleKey, lang, sale.at());
        w.text(name);
        goodsSaleLines(w, sale, price);
        w.rule();
        return w;
    }

    /**
     * The money of an e-PIN or eSIM: its price (not "to the balance": the goods are what was bought), what an eSIM's
     * new number got above the price, the fee, and an e-PIN's change voucher.
     */
    private static void goodsSaleLines(ReceiptWriter w, Sale s, Money price) {
        w.pair("receipt.txn", s.txnId());
        w.pair("receipt.operator", s.operatorName());
        if (s.maskedNumber() != null) {
            w.pair("receipt.goods.new_number", s.maskedNumber());
        }
        w.pair("receipt.goods.price", w.money(price));
        Money extra = s.amount().minus(price);
        if (extra.isPositive()) {
            w.pair("receipt.goods.extra", w.money(extra));
        }
        paidLines(w, s);
        overpaymentVoucher(w, s);
        status(w, s.status());
    }
}
