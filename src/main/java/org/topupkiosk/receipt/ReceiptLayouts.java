package org.topupkiosk.receipt;

import java.time.Instant;
import java.time.ZoneId;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts.CreditVoucher;
import org.topupkiosk.receipt.ReceiptFacts.EPin;
import org.topupkiosk.receipt.ReceiptFacts.Encashment;
import org.topupkiosk.receipt.ReceiptFacts.Esim;
import org.topupkiosk.receipt.ReceiptFacts.Kiosk;
import org.topupkiosk.receipt.ReceiptFacts.NumberSlip;
import org.topupkiosk.receipt.ReceiptFacts.Promo;
import org.topupkiosk.receipt.ReceiptFacts.Sale;
import org.topupkiosk.receipt.ReceiptFacts.Shift;
import org.topupkiosk.receipt.ReceiptFacts.VoucherRedemption;

/**
 * Every receipt the kiosk prints, laid out for 58 mm (32 columns) or 80 mm (42) paper: pure, facts in, {@link Receipt}
 * out. Customer receipts carry the kiosk, date, transaction, what was bought and paid, the status, the support phone
 * and a QR code with the transaction lookup link; service reports (encashment, X and Z) carry the counters.
 *
 * <p>The one entry point for callers; each family of receipts is laid out by its own class over a shared
 * {@link ReceiptFrame}: payments, credits and vouchers, goods, reports, and slips that move no money.
 */
public final class ReceiptLayouts {

    private final ReceiptFrame frame;
    private final PaymentLayouts payments;
    private final CreditLayouts credits;
    private final GoodsLayouts goods;
    private final ReportLayouts reports;
    private final SlipLayouts slips;

    public ReceiptLayouts(Messages messages, Kiosk kiosk, int columns, ZoneId zone) {
        this.frame = new ReceiptFrame(messages, kiosk, columns, zone);
        this.payments = new PaymentLayouts(frame);
        this.credits = new CreditLayouts(frame);
        this.goods = new GoodsLayouts(frame);
        this.reports = new ReportLayouts(frame);
        this.slips = new SlipLayouts(frame);
    }

    public int columns() {
        return frame.columns();
    }

    /** The strings, for {@link AccountReceipts} (auto top-up, receipt copies), which share this header and footer. */
    Messages messages() {
        return frame.messages();
    }

    public String lookupLink(String txnId) {
        return frame.lookupLink(txnId);
    }

    public Receipt topUp(Sale sale, Lang lang) {
        return payments.topUp(sale, null, null, lang);
    }

    /** A top-up sent with a promotion: the bonus is the carrier's, printed apart from the money paid. */
    public Receipt topUp(Sale sale, Promo promo, Lang lang) {
        return payments.topUp(sale, promo, null, lang);
    }

    /** A top-up whose outcome is not known yet, with its claim code (issue 12); {@code claim} null for none. */
    public Receipt topUp(Sale sale, Promo promo, String claim, Lang lang) {
        return payments.topUp(sale, promo, claim, lang);
    }

    /**
     * A package whose price is {@code price}: what the customer paid above it went to the balance with the package
     * (the kiosk gives no change), and the receipt says so.
     */
    public Receipt packageSale(Sale sale, String packageName, Money price, Lang lang) {
        return payments.packageSale(sale, packageName, price, null, lang);
    }

    /** A package whose outcome is not known yet, with its claim code (issue 12); {@code claim} null for none. */
    public Receipt packageSale(Sale sale, String packageName, Money price, String claim, Lang lang) {
        return payments.packageSale(sale, packageName, price, claim, lang);
    }

    /** What a claim code prints once the carrier confirmed (issue 12); {@code packageName} null for a top-up. */
    public Receipt claimOutcome(Sale sale, String packageName, String carrierRef, Lang lang) {
        return payments.claimOutcome(sale, packageName, carrierRef, lang);
    }

    public Receipt packageSale(Sale sale, String packageName, Lang lang) {
        return payments.packageSale(sale, packageName, null, null, lang);
    }

    public Receipt voucherRedemption(VoucherRedemption v, Lang lang) {
        return credits.voucherRedemption(v, lang);
    }

    /** The PIN in large type: the customer types it from the paper. */
    public Receipt ePin(EPin e, Lang lang) {
        return goods.ePin(e, lang);
    }

    /** The activation QR is the SGP.22 code itself; the text under it is for phones that cannot scan. */
    public Receipt esim(Esim e, Lang lang) {
        return goods.esim(e, lang);
    }

    /**
     * An e-PIN or eSIM paid for while the carrier had not answered: what was paid, and the claim code as a large line, a
     * QR code and a CODE128 barcode. Scanned at the kiosk later it shows and prints the PIN or activation code, or the
     * credit voucher if the carrier finally refused (docs/scanner-codes.md).
     */
    public Receipt goodsPending(Sale sale, String productName, boolean esim, String claimCode, String claimPretty,
                                Lang lang) {
        return goods.goodsPending(sale, productName, esim, claimCode, claimPretty, lang);
    }

    /** The code as a large line, a QR code and a CODE128 barcode: the kiosk's scanner takes either back. */
    public Receipt creditVoucher(CreditVoucher c, Lang lang) {
        return credits.creditVoucher(c, lang);
    }

    public Receipt encashment(Encashment e, Lang lang) {
        return reports.encashment(e, lang);
    }

    public Receipt shift(Shift s, Lang lang) {
        return reports.shift(s, lang);
    }

    /**
     * A top-up sold at a counter: the customer handed cash to a cashier, so the receipt states what was handed over and
     * the change given, and names the cashier. A refused payment says the cash was handed back.
     */
    public Receipt counterSale(Sale sale, Money received, Money change, String cashier, Lang lang) {
        return payments.counterSale(sale, received, change, cashier, lang);
    }

    /**
     * The counter's X (running, shift stays open) or Z (closing) report: the shift's sales, the cash handed over, the
     * change given, the cash handed back for refused payments, and what the drawer should hold.
     */
    public Receipt counterShift(Shift s, String cashier, Money received, Money change, Lang lang) {
        return reports.counterShift(s, cashier, received, change, lang);
    }

    /**
     * A tourist's new Russian number on paper: the number in large type, the operator, where it came from, and a QR
     * code with a {@code tel:} link. It moves no money, and says so, so it is never taken for a payment receipt.
     */
    public Receipt numberSlip(NumberSlip n, Lang lang) {
        return slips.numberSlip(n, lang);
    }

    /** The page {@code kioskctl printer test} prints: both scripts, large type, a QR code; the cut follows. */
    public Receipt printerTest(String transport, Instant at, Lang lang) {
        return slips.printerTest(transport, at, lang);
    }

    ReceiptWriter header(String titleKey, Lang lang, Instant at) {
        return frame.header(titleKey, lang, at);
    }

    ReceiptWriter footer(ReceiptWriter w) {
        return frame.footer(w);
    }

    String date(Instant at) {
        return frame.date(at);
    }
}
