package org.topupkiosk.receipt;

import static org.topupkiosk.receipt.ReceiptFrame.overpaymentVoucher;
import static org.topupkiosk.receipt.ReceiptFrame.paidLines;
import static org.topupkiosk.receipt.ReceiptFrame.status;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.receipt.ReceiptFacts.Promo;
import org.topupkiosk.receipt.ReceiptFacts.Sale;
import org.topupkiosk.receipt.ReceiptFacts.Status;

/** The receipts of money sent to a number: top-ups (with or without a promotion), packages and counter sales. */
record PaymentLayouts(ReceiptFrame frame) {

    /** {@code claim}: the order's claim code, printed while the outcome is not known (null on other receipts). */
    Receipt topUp(Sale sale, Promo promo, String claim, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.topup", lang, sale.at());
        saleLines(w, sale);
        if (promo != null) {
            promo(w, promo);
        }
        return claim == null ? paymentFooter(w, sale) : claimFooter(w, sale, claim);
    }

    /** A package; with a {@code price}, what the customer paid above it went to the balance, and the receipt says so. */
    Receipt packageSale(Sale sale, String packageName, Money price, String claim, Lang lang) {
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
        return claim == null ? paymentFooter(w, sale) : claimFooter(w, sale, claim);
    }

    /**
     * Issue 12: a claim code scanned after the carrier confirmed: the payment as credited, with the carrier's
     * reference. Its own id ({@code <txn>-outcome}): the pending receipt keeps {@code <txn>-payment}.
     */
    Receipt claimOutcome(Sale sale, String packageName, String carrierRef, Lang lang) {
        ReceiptWriter w = frame.header(packageName == null ? "receipt.title.topup" : "receipt.title.package", lang,
                sale.at());
        if (packageName != null) {
            w.heading("receipt.package");
            w.text(packageName);
        }
        saleLines(w, sale);
        w.pair("receipt.carrier_ref", carrierRef == null ? "-" : carrierRef);
        return frame.footer(w).build(sale.txnId() + "-outcome", frame.lookupLink(sale.txnId()), null);
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

    /**
     * Issue 12: the receipt of a payment whose outcome is not known yet carries the order's claim code, large and as a
     * QR code and a CODE128 the kiosk's scanner reads; scanned later it shows the outcome, or gives the credit voucher
     * of a refusal. The lookup link stays as text.
     */
    private Receipt claimFooter(ReceiptWriter w, Sale sale, String claim) {
        w.rule();
        w.centred(w.label("receipt.goods.claim"), Receipt.Style.CENTER);
        w.large(GoodsClaimCodes.pretty(claim));
        w.text(w.msg("receipt.payment.claim_howto"));
        w.rule();
        w.pair("receipt.support", frame.supportPhone());
        if (frame.lookupLink(sale.txnId()) != null) {
            w.text(w.msg("receipt.lookup"));
            w.text(frame.lookupLink(sale.txnId()));
        }
        return w.build(sale.txnId() + "-payment", claim, claim);
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
