package org.topupkiosk.receipt;

import static org.topupkiosk.receipt.ReceiptFrame.overpaymentVoucher;
import static org.topupkiosk.receipt.ReceiptFrame.paidLines;
import static org.topupkiosk.receipt.ReceiptFrame.status;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.receipt.ReceiptFacts.Promo;
import org.topupkiosk.receipt.ReceiptFacts.Sale;
import org.topupkiosk.receipt.ReceiptFacts.Status;

/** The receipts of money sent to a number: top-ups (with or without a promotion), packages and counter sales. */
record PaymentLayouts(ReceiptFrame frame) {

    Receipt topUp(Sale sale, Promo promo, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.topup", lang, sale.at());
        saleLines(w, sale);
        if (promo != null) {
            promo(w, promo);
        }
        return paymentFooter(w, sale);
    }

    /** A package; with a {@code price}, what the customer paid above it went to the balance, and the receipt says so. */
    Receipt packageSale(Sale sale, String packageName, Money price, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.package", lang, sale.at());
        w.heading("receipt.package");
        w.text(packageName);
        if (price != null) {
            w.pair("receipt.package.price", w.money(price));
        }
        saleLines(w, sale);
        if (price != null) {
            Money extra = sale.amount().minus(price);
            if (extra.isPositive()) {
                w.text(w.msg("receipt.package.extra_to_balance", w.money(extra)));
            }
        }
        return paymentFooter(w, sale);
    }

    Receipt counterSale(Sale sale, Money received, Money change, String cashier, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.topup", lang, sale.at());
        w.pair("receipt.cashier", cashier);
        w.pair("receipt.txn", sale.txnId());
        w.pair("receipt.operator", sale.operatorName());
        w.pair("receipt.number", sale.maskedNumber());
        w.pair("receipt.amount", w.money(sale.amount()));
        w.pair("receipt.fee", w.money(sale.fee()));
        w.pairBold("receipt.total", w.money(sale.total()));
        w.pair("receipt.counter.received", w.money(received));
        w.pair("receipt.counter.change", w.money(change));
        status(w, sale.status());
        if (sale.status() == Status.REFUSED) {
            w.text(w.msg("receipt.counter.returned", w.money(sale.total())));
        }
        return paymentFooter(w, sale);
    }

    private Receipt paymentFooter(ReceiptWriter w, Sale sale) {
        return frame.footer(w).build(sale.txnId() + "-payment", frame.lookupLink(sale.txnId()), null);
    }

    private static void promo(ReceiptWriter w, Promo promo) {
        w.pair("receipt.promo", promo.title());
        if (promo.bonus().isPositive()) {
            w.pairBold("receipt.promo.bonus", w.money(promo.bonus()));
        }
        w.text(w.msg("receipt.promo.note"));
    }

    private static void saleLines(ReceiptWriter w, Sale s) {
        w.pair("receipt.txn", s.txnId());
        w.pair("receipt.operator", s.operatorName());
        if (s.maskedNumber() != null) {
            // An e-PIN has no number; an eSIM prints its new one.
            w.pair("receipt.number", s.maskedNumber());
        }
        w.pair("receipt.amount", w.money(s.amount()));
        paidLines(w, s);
        if (!overpaymentVoucher(w, s) && s.maskedNumber() != null) {
            w.text(w.msg("receipt.no_change"));
        }
        status(w, s.status());
    }
}
