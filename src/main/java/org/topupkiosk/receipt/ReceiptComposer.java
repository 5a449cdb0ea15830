package org.topupkiosk.receipt;

import java.time.Clock;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Receipts from the journal, pure: turns journal rows (orders, credits) into the facts the layouts print, and
 * stored receipts back into receipts for a reprint. The layouts themselves, for every receipt type, are in
 * {@link ReceiptLayouts}.
 */
public final class ReceiptComposer {

    private final int columns;
    private final Clock clock;
    private final ReceiptLayouts layouts;

    /** Receipts {@code columns} characters wide, headed with the kiosk's details, dated by {@code clock}'s zone. */
    public ReceiptComposer(Messages messages, ReceiptFacts.Kiosk kiosk, int columns, Clock clock) {
        this.columns = columns;
        this.clock = clock;
        this.layouts = new ReceiptLayouts(messages, kiosk, columns, clock.getZone());
    }

    public String lookupLink(String txnId) {
        return layouts.lookupLink(txnId);
    }

    public ReceiptLayouts layouts() {
        return layouts;
    }

    /**
     * Issue 13: {@code receipt} with the fiscal register's attributes (FN, ФД, ФП, date and time, as journaled) and the
     * tax service's check code {@code qrText} as its QR code; {@code refund} for a "возврат прихода".
     */
    public Receipt withFiscal(Receipt receipt, FiscalRecord doc, String qrText, boolean refund, Lang lang) {
        return FiscalStamp.stamp(receipt, doc, qrText, refund, layouts.messages(), lang);
    }

    /** A top-up: everything paid goes to the balance (no change), so there is no overpayment to place. */
    public Receipt payment(Order order, Operator operator, ReceiptFacts.Status status, Lang lang) {
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale(order.txnId(), clock.instant(),
                operator.names().getOrDefault(lang.code(), operator.id()), masked(order), order.amount(),
                order.fee(), order.cash(), Money.zero(order.amount().currency()), null, status,
                order.creditApplied());
        return layouts.topUp(sale, lang);
    }

    /**
     * A top-up or a package. {@code product} is the package bought (null for a top-up); {@code promo} the promotion
     * the payment was sent with (null for none), printed with the bonus the carrier is expected to add.
     */
    public Receipt payment(Order order, Operator operator, ReceiptFacts.Status status, Lang lang,
                           CatalogEntry product, Promotion promo) {
        return payment(order, operator, status, lang, product, promo, null);
    }

    /** As above; {@code claim} is the order's claim code, printed while the outcome is not known (issue 12). */
    public Receipt payment(Order order, Operator operator, ReceiptFacts.Status status, Lang lang,
                           CatalogEntry product, Promotion promo, String claim) {
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale(order.txnId(), clock.instant(),
                operator.names().getOrDefault(lang.code(), operator.id()), masked(order), order.amount(),
                order.fee(), order.cash(), Money.zero(order.amount().currency()), null, status,
                order.creditApplied());
        if (product != null) {
            String title = product.titles().getOrDefault(lang.code(), product.titles().getOrDefault("ru",
                    product.productId()));
            return layouts.packageSale(sale, title, product.price(), claim, lang);
        }
        if (order.productId() != null) {
            return layouts.packageSale(sale, order.productId(), null, claim, lang);
        }
        ReceiptFacts.Promo p = promo == null ? null
                : new ReceiptFacts.Promo(promo.title(lang.code()), promo.bonusFor(order.amount()));
        return layouts.topUp(sale, p, claim, lang);
    }

    /** A confirmed top-up or package, printed when its claim code is scanned (issue 12). */
    public Receipt claimOutcome(Order order, Operator operator, Lang lang) {
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale(order.txnId(), clock.instant(),
                operator.names().getOrDefault(lang.code(), operator.id()), masked(order), order.amount(),
                order.fee(), order.cash(), Money.zero(order.amount().currency()), null, ReceiptFacts.Status.CREDITED,
                order.creditApplied());
        return layouts.claimOutcome(sale, order.productId(), order.carrierRef(), lang);
    }

    /** The number as receipts print it; an e-PIN or eSIM order has none. */
    private static String masked(Order order) {
        return order.msisdn() == null ? null : order.msisdn().masked();
    }

    /** A scratch card applied to a number: no cash, the card's face value, the carrier's answer. */
    public Receipt voucher(String redemptionId, Operator operator, Msisdn msisdn, String serial,
                           Money nominal, ReceiptFacts.Status status, Lang lang) {
        String name = operator == null ? "" : operator.names().getOrDefault(lang.code(), operator.id());
        return layouts.voucherRedemption(new ReceiptFacts.VoucherRedemption(redemptionId, clock.instant(), name,
                msisdn.masked(), maskSerial(serial), nominal, status), lang);
    }

    /** The serial is printed on the card anyway; the receipt keeps its first and last characters only. */
    static String maskSerial(String serial) {
        if (serial == null || serial.length() <= 6) {
            return serial == null ? "" : serial;
        }
        return serial.substring(0, 3) + "*".repeat(serial.length() - 6) + serial.substring(serial.length() - 3);
    }

    public Receipt credit(CustomerCredit credit, Lang lang) {
        return layouts.creditVoucher(new ReceiptFacts.CreditVoucher(credit.code(), credit.amount(), credit.sourceTxn(),
                clock.instant()), lang);
    }

    /** Rebuilds a receipt from its journal form, for reprints after a restart or from the service screen. */
    public Receipt fromStored(StoredReceipt stored) {
        return Receipt.fromStored(stored.receiptId(), stored.body(), columns);
    }
}
