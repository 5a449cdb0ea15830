package org.topupkiosk.flow.core;

import java.time.Clock;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.StoredReceipt;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;

/**
 * The flow's side of receipts, pure: turns journal rows (orders, credits) into the facts the layouts print, and
 * stored receipts back into receipts for a reprint. The layouts themselves, for every receipt type, are in
 * {@link ReceiptLayouts}.
 */
public final class ReceiptComposer {

    private final FlowSettings settings;
    private final Clock clock;
    private final ReceiptLayouts layouts;

    public ReceiptComposer(Messages messages, FlowSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.layouts = new ReceiptLayouts(messages, new ReceiptFacts.Kiosk(settings.kioskId(), settings.address(),
                settings.supportPhone(), settings.lookupUrlBase()), settings.receiptColumns(), clock.getZone());
    }

    public String lookupLink(String txnId) {
        return layouts.lookupLink(txnId);
    }

    public ReceiptLayouts layouts() {
        return layouts;
    }

    /** A top-up: everything paid goes to the balance (no change), so there is no overpayment to place. */
    public Receipt payment(Order order, Operator operator, FlowSnapshot.PaymentStatus status, Lang lang) {
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale(order.txnId(), clock.instant(),
                operator.names().getOrDefault(lang.code(), operator.id()), masked(order), order.amount(),
                order.fee(), order.cash(), Money.zero(order.amount().currency()), null, status(status),
                order.creditApplied());
        return layouts.topUp(sale, lang);
    }

    /**
     * A top-up or a package. {@code product} is the package bought (null for a top-up); {@code promo} the promotion
     * the payment was sent with (null for none), printed with the bonus the carrier is expected to add.
     */
    public Receipt payment(Order order, Operator operator, FlowSnapshot.PaymentStatus status, Lang lang,
                           org.topupkiosk.carrier.CatalogEntry product, org.topupkiosk.domain.Promotion promo) {
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale(order.txnId(), clock.instant(),
                operator.names().getOrDefault(lang.code(), operator.id()), masked(order), order.amount(),
                order.fee(), order.cash(), Money.zero(order.amount().currency()), null, status(status),
                order.creditApplied());
        if (product != null) {
            String title = product.titles().getOrDefault(lang.code(), product.titles().getOrDefault("ru",
                    product.productId()));
            return layouts.packageSale(sale, title, product.price(), lang);
        }
        if (order.productId() != null) {
            return layouts.packageSale(sale, order.productId(), lang);
        }
        ReceiptFacts.Promo p = promo == null ? null
                : new ReceiptFacts.Promo(promo.title(lang.code()), promo.bonusFor(order.amount()));
        return layouts.topUp(sale, p, lang);
    }

    /** The number as receipts print it; an e-PIN or eSIM order has none. */
    private static String masked(Order order) {
        return order.msisdn() == null ? null : order.msisdn().masked();
    }

    /** A scratch card applied to a number: no cash, the card's face value, the carrier's answer. */
    public Receipt voucher(String redemptionId, Operator operator, org.topupkiosk.domain.Msisdn msisdn, String serial,
                           Money nominal, FlowSnapshot.PaymentStatus status, Lang lang) {
        String name = operator == null ? "" : operator.names().getOrDefault(lang.code(), operator.id());
        return layouts.voucherRedemption(new ReceiptFacts.VoucherRedemption(redemptionId, clock.instant(), name,
                msisdn.masked(), maskSerial(serial), nominal, status(status)), lang);
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
        return Receipt.fromStored(stored.receiptId(), stored.body(), settings.receiptColumns());
    }

    public static ReceiptFacts.Status status(FlowSnapshot.PaymentStatus status) {
        return switch (status) {
            case CREDITED -> ReceiptFacts.Status.CREDITED;
            case PENDING -> ReceiptFacts.Status.PENDING;
            case REFUSED -> ReceiptFacts.Status.REFUSED;
        };
    }
}
