package org.topupkiosk.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts.CreditVoucher;
import org.topupkiosk.receipt.ReceiptFacts.EPin;
import org.topupkiosk.receipt.ReceiptFacts.Encashment;
import org.topupkiosk.receipt.ReceiptFacts.Esim;
import org.topupkiosk.receipt.ReceiptFacts.Kiosk;
import org.topupkiosk.receipt.ReceiptFacts.NoteCount;
import org.topupkiosk.receipt.ReceiptFacts.OperatorTotal;
import org.topupkiosk.receipt.ReceiptFacts.Sale;
import org.topupkiosk.receipt.ReceiptFacts.Shift;
import org.topupkiosk.receipt.ReceiptFacts.Status;
import org.topupkiosk.receipt.ReceiptFacts.VoucherRedemption;

/**
 * Every receipt the kiosk prints, laid out for 58 mm (32 columns) or 80 mm (42) paper: pure, facts in, {@link Receipt}
 * out. Customer receipts carry the kiosk, date, transaction, what was bought and paid, the status, the support phone
 * and a QR code with the transaction lookup link; service reports (encashment, X and Z) carry the counters.
 */
public final class ReceiptLayouts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages messages;
    private final Kiosk kiosk;
    private final int columns;
    private final ZoneId zone;

    public ReceiptLayouts(Messages messages, Kiosk kiosk, int columns, ZoneId zone) {
        if (columns != 32 && columns != 42) {
            throw new IllegalArgumentException("receipt width " + columns + " (expected 32 or 42 columns)");
        }
        this.messages = messages;
        this.kiosk = kiosk;
        this.columns = columns;
        this.zone = zone;
    }

    public int columns() {
        return columns;
    }

    /** The strings, for {@link AccountReceipts} (auto top-up, receipt copies), which share this header and footer. */
    Messages messages() {
        return messages;
    }

    public String lookupLink(String txnId) {
        return kiosk.lookupUrlBase() + txnId;
    }

    public Receipt topUp(Sale sale, Lang lang) {
        ReceiptWriter w = header("receipt.title.topup", lang, sale.at());
        saleLines(w, sale);
        return footer(w).build(sale.txnId() + "-payment", lookupLink(sale.txnId()), null);
    }

    /** A top-up sent with a promotion: the bonus is the carrier's, printed apart from the money paid. */
    public Receipt topUp(Sale sale, ReceiptFacts.Promo promo, Lang lang) {
        ReceiptWriter w = header("receipt.title.topup", lang, sale.at());
        saleLines(w, sale);
        if (promo != null) {
            promo(w, promo);
        }
        return footer(w).build(sale.txnId() + "-payment", lookupLink(sale.txnId()), null);
    }

    /**
     * A package whose price is {@code price}: what the customer paid above it went to the balance with the package
     * (the kiosk gives no change), and the receipt says so.
     */
    public Receipt packageSale(Sale sale, String packageName, org.topupkiosk.domain.Money price, Lang lang) {
        ReceiptWriter w = header("receipt.title.package", lang, sale.at());
        w.heading("receipt.package");
        w.text(packageName);
        w.pair("receipt.package.price", w.money(price));
        saleLines(w, sale);
        org.topupkiosk.domain.Money extra = sale.amount().minus(price);
        if (extra.isPositive()) {
            w.text(w.msg("receipt.package.extra_to_balance", w.money(extra)));
        }
        return footer(w).build(sale.txnId() + "-payment", lookupLink(sale.txnId()), null);
    }

    private static void promo(ReceiptWriter w, ReceiptFacts.Promo promo) {
        w.pair("receipt.promo", promo.title());
        if (promo.bonus().isPositive()) {
            w.pairBold("receipt.promo.bonus", w.money(promo.bonus()));
        }
        w.text(w.msg("receipt.promo.note"));
    }

    public Receipt packageSale(Sale sale, String packageName, Lang lang) {
        ReceiptWriter w = header("receipt.title.package", lang, sale.at());
        w.heading("receipt.package");
        w.text(packageName);
        saleLines(w, sale);
        return footer(w).build(sale.txnId() + "-payment", lookupLink(sale.txnId()), null);
    }

    public Receipt voucherRedemption(VoucherRedemption v, Lang lang) {
        ReceiptWriter w = header("receipt.title.voucher", lang, v.at());
        w.pair("receipt.txn", v.txnId());
        w.pair("receipt.operator", v.operatorName());
        w.pair("receipt.number", v.maskedNumber());
        w.pair("receipt.voucher.serial", v.voucherSerialMasked());
        w.pairBold("receipt.voucher.nominal", w.money(v.faceValue()));
        status(w, v.status());
        return footer(w).build(v.txnId() + "-voucher", lookupLink(v.txnId()), null);
    }

    /** The PIN in large type: the customer types it from the paper. */
    public Receipt ePin(EPin e, Lang lang) {
        Sale sale = e.sale();
        ReceiptWriter w = header("receipt.title.epin", lang, sale.at());
        w.text(e.productName());
        goodsSaleLines(w, sale, sale.amount());
        w.rule();
        w.centred(w.label("receipt.epin.pin"), Receipt.Style.CENTER);
        w.large(e.pin());
        w.pair("receipt.epin.serial", e.serial());
        w.text(e.howToUse() != null ? e.howToUse() : w.msg("receipt.epin.howto", sale.operatorName()));
        w.text(w.msg("receipt.epin.keep"));
        return footer(w).build(sale.txnId() + "-epin", lookupLink(sale.txnId()), null);
    }

    /** The activation QR is the SGP.22 code itself; the text under it is for phones that cannot scan. */
    public Receipt esim(Esim e, Lang lang) {
        Sale sale = e.sale();
        ReceiptWriter w = header("receipt.title.esim", lang, sale.at());
        w.text(e.planName());
        goodsSaleLines(w, sale, e.price());
        w.rule();
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
        w.heading("receipt.lookup");
        w.text(lookupLink(sale.txnId()));
        // The QR code under this is the activation code, not the lookup link: say so right above it.
        w.rule();
        w.pair("receipt.support", kiosk.supportPhone());
        w.centred(w.label("receipt.esim.qr"), Receipt.Style.CENTER_BOLD);
        return w.build(sale.txnId() + "-esim", e.activationCode(), null);
    }

    /**
     * An e-PIN or eSIM paid for while the carrier had not answered: what was paid, and the claim code as a large line, a
     * QR code and a CODE128 barcode. Scanned at the kiosk later it shows and prints the PIN or activation code, or the
     * credit voucher if the carrier finally refused (docs/scanner-codes.md).
     */
    public Receipt goodsPending(Sale sale, String productName, boolean esim, String claimCode, String claimPretty,
                                Lang lang) {
        ReceiptWriter w = header(esim ? "receipt.title.esim" : "receipt.title.epin", lang, sale.at());
        w.text(productName);
        goodsSaleLines(w, sale, sale.amount());
        w.rule();
        w.text(w.msg(esim ? "receipt.goods.pending.esim" : "receipt.goods.pending.epin"));
        w.centred(w.label("receipt.goods.claim"), Receipt.Style.CENTER);
        w.large(claimPretty);
        w.text(w.msg("receipt.goods.claim_secret"));
        // The codes under this are the claim code, not the lookup link: no "check online" line above them.
        w.rule();
        w.pair("receipt.support", kiosk.supportPhone());
        return w.build(sale.txnId() + "-pending", claimCode, claimCode);
    }

    /** The code as a large line, a QR code and a CODE128 barcode: the kiosk's scanner takes either back. */
    public Receipt creditVoucher(CreditVoucher c, Lang lang) {
        ReceiptWriter w = header("receipt.title.credit", lang, c.issuedAt());
        if (c.sourceTxn() != null) {
            w.pair("receipt.txn", c.sourceTxn());
        }
        w.pairBold("receipt.credit.amount", w.money(c.amount()));
        w.centred(w.label("receipt.credit.code"), Receipt.Style.CENTER);
        w.large(c.code());
        w.text(w.msg("receipt.credit.howto"));
        w.pair("receipt.support", kiosk.supportPhone());
        return w.build("credit-" + c.code(), c.code(), c.code());
    }

    public Receipt encashment(Encashment e, Lang lang) {
        ReceiptWriter w = header("receipt.title.encashment", lang, e.at());
        w.pair("receipt.encashment.id", e.encashmentId());
        w.pair("receipt.cashbox", e.cashBoxId());
        w.pair("receipt.collector", e.collector());
        w.rule();
        int notes = 0;
        for (NoteCount n : e.notes()) {
            w.pairText(w.money(n.note()) + " x " + n.count(), w.money(n.note().times(n.count())),
                    Receipt.Style.NORMAL);
            notes += n.count();
        }
        w.rule();
        w.pair("receipt.notes", String.valueOf(notes));
        w.pairBold("receipt.total", w.money(e.total()));
        w.pair("receipt.shift.credits_open", w.money(e.openCredits()));
        signature(w);
        return w.build("encashment-" + e.encashmentId(), null, null);
    }

    public Receipt shift(Shift s, Lang lang) {
        ReceiptWriter w = header(s.closing() ? "receipt.title.shift_z" : "receipt.title.shift_x", lang, s.at());
        w.pair("receipt.shift", String.valueOf(s.number()));
        w.pair("receipt.shift.opened", date(s.openedAt()));
        w.rule();
        w.pair("receipt.shift.payments", String.valueOf(s.payments()));
        w.pairBold("receipt.amount", w.money(s.amount()));
        w.pair("receipt.fee", w.money(s.fees()));
        w.pair("receipt.shift.cash_in", w.money(s.cashIn()));
        w.pair("receipt.shift.credits_issued", w.money(s.creditsIssued()));
        w.pair("receipt.shift.credits_redeemed", w.money(s.creditsRedeemed()));
        w.pair("receipt.shift.refunds", w.money(s.refunds()));
        w.pair("receipt.shift.pending", String.valueOf(s.pending()));
        if (!s.byOperator().isEmpty()) {
            w.rule();
            for (OperatorTotal o : s.byOperator()) {
                w.pairText(o.operatorName() + " (" + o.count() + ")", w.money(o.amount()), Receipt.Style.NORMAL);
            }
        }
        w.rule();
        w.text(w.msg(s.closing() ? "receipt.shift.z_note" : "receipt.shift.x_note"));
        signature(w);
        return w.build((s.closing() ? "z-" : "x-") + s.number() + "-" + s.at().getEpochSecond(), null, null);
    }

    /**
     * A top-up sold at a counter: the customer handed cash to a cashier, so the receipt states what was handed over and
     * the change given, and names the cashier. A refused payment says the cash was handed back.
     */
    public Receipt counterSale(Sale sale, Money received, Money change, String cashier, Lang lang) {
        ReceiptWriter w = header("receipt.title.topup", lang, sale.at());
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
        return footer(w).build(sale.txnId() + "-payment", lookupLink(sale.txnId()), null);
    }

    /**
     * The counter's X (running, shift stays open) or Z (closing) report: the shift's sales, the cash handed over, the
     * change given, the cash handed back for refused payments, and what the drawer should hold.
     */
    public Receipt counterShift(Shift s, String cashier, Money received, Money change, Lang lang) {
        ReceiptWriter w = header(s.closing() ? "receipt.title.shift_z" : "receipt.title.shift_x", lang, s.at());
        w.pair("receipt.shift", String.valueOf(s.number()));
        w.pair("receipt.cashier", cashier);
        w.pair("receipt.shift.opened", date(s.openedAt()));
        w.rule();
        w.pair("receipt.shift.payments", String.valueOf(s.payments()));
        w.pairBold("receipt.amount", w.money(s.amount()));
        w.pair("receipt.fee", w.money(s.fees()));
        w.pair("receipt.shift.pending", String.valueOf(s.pending()));
        w.rule();
        w.pair("receipt.counter.received", w.money(received));
        w.pair("receipt.counter.change", w.money(change));
        w.pair("receipt.shift.returned", w.money(s.refunds()));
        w.pairBold("receipt.shift.drawer", w.money(s.cashIn()));
        if (!s.byOperator().isEmpty()) {
            w.rule();
            for (OperatorTotal o : s.byOperator()) {
                w.pairText(o.operatorName() + " (" + o.count() + ")", w.money(o.amount()), Receipt.Style.NORMAL);
            }
        }
        w.rule();
        w.text(w.msg(s.closing() ? "receipt.shift.z_note" : "receipt.shift.x_note"));
        signature(w);
        return w.build((s.closing() ? "z-" : "x-") + s.number() + "-" + s.at().getEpochSecond(), null, null);
    }

    // Find my number (issue 7 item 4) ----------------------------------------------------------------------------

    /**
     * A tourist's new Russian number on paper: the number in large type, the operator, where it came from, and a QR
     * code with a {@code tel:} link. It moves no money, and says so, so it is never taken for a payment receipt.
     */
    public Receipt numberSlip(ReceiptFacts.NumberSlip n, Lang lang) {
        ReceiptWriter w = header("receipt.title.number", lang, n.at());
        w.centred(w.label("receipt.number.yours"), Receipt.Style.CENTER);
        w.large(n.number());
        if (n.operatorName() != null) {
            w.pair("receipt.operator", n.operatorName());
            if (!n.operatorConfirmed()) {
                w.text(w.msg("receipt.number.operator_hint"));
            }
        }
        w.text(w.msg(n.fromCard() ? "receipt.number.from_card" : "receipt.number.from_carrier"));
        w.rule();
        w.text(w.msg("receipt.number.not_payment"));
        w.text(w.msg("receipt.number.scan"));
        w.pair("receipt.support", kiosk.supportPhone());
        return w.build(n.slipId() + "-number", n.qrPayload(), null);
    }

    /** The page {@code kioskctl printer test} prints: both scripts, large type, a QR code; the cut follows. */
    public Receipt printerTest(String transport, Instant at, Lang lang) {
        ReceiptWriter w = header("receipt.title.test", lang, at);
        w.text(transport);
        w.heading("receipt.test.cyrillic");
        w.text("Съешь же ещё этих мягких французских булок, да выпей чаю. №1");
        w.heading("receipt.test.chinese");
        w.text("中文打印测试：手机充值，谢谢光临。");
        w.heading("receipt.test.large");
        w.large("АБВ 123");
        w.rule();
        return w.build("printer-test-" + at.getEpochSecond(), lookupLink("TEST"), null);
    }

    ReceiptWriter header(String titleKey, Lang lang, Instant at) {
        ReceiptWriter w = new ReceiptWriter(messages, lang, columns);
        w.title(titleKey);
        w.pair("receipt.kiosk", kiosk.id());
        w.text(kiosk.address());
        w.pair("receipt.date", date(at));
        w.rule();
        return w;
    }

    private void saleLines(ReceiptWriter w, Sale s) {
        w.pair("receipt.txn", s.txnId());
        w.pair("receipt.operator", s.operatorName());
        if (s.maskedNumber() != null) {
            // An e-PIN has no number; an eSIM prints its new one.
            w.pair("receipt.number", s.maskedNumber());
        }
        w.pair("receipt.amount", w.money(s.amount()));
        w.pair("receipt.fee", w.money(s.fee()));
        w.pairBold("receipt.total", w.money(s.total()));
        w.pair("receipt.cash", w.money(s.cash()));
        if (s.credit().isPositive()) {
            w.pair("receipt.credit_applied", w.money(s.credit()));
        }
        if (s.overpayment().isPositive() && s.overpaymentVoucher() != null) {
            w.text(w.msg("receipt.overpayment.voucher", w.money(s.overpayment()), s.overpaymentVoucher()));
        } else if (s.maskedNumber() != null) {
            w.text(w.msg("receipt.no_change"));
        }
        status(w, s.status());
    }

    /**
     * The money of an e-PIN or eSIM: its price (not "to the balance": the goods are what was bought), what an eSIM's
     * new number got above the price, the fee, and an e-PIN's change voucher.
     */
    private void goodsSaleLines(ReceiptWriter w, Sale s, Money price) {
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
        w.pair("receipt.fee", w.money(s.fee()));
        w.pairBold("receipt.total", w.money(s.total()));
        w.pair("receipt.cash", w.money(s.cash()));
        if (s.credit().isPositive()) {
            w.pair("receipt.credit_applied", w.money(s.credit()));
        }
        if (s.overpayment().isPositive() && s.overpaymentVoucher() != null) {
            w.text(w.msg("receipt.overpayment.voucher", w.money(s.overpayment()), s.overpaymentVoucher()));
        }
        status(w, s.status());
    }

    private static void status(ReceiptWriter w, Status status) {
        String key = switch (status) {
            case CREDITED -> "receipt.status.credited";
            case PENDING -> "receipt.status.pending";
            case REFUSED -> "receipt.status.refused";
        };
        w.pairBold("receipt.status", w.msg(key));
    }

    ReceiptWriter footer(ReceiptWriter w) {
        w.rule();
        w.pair("receipt.support", kiosk.supportPhone());
        w.text(w.msg("receipt.lookup"));
        return w;
    }

    private static void signature(ReceiptWriter w) {
        w.text(" ");
        w.pair("receipt.signature", "________________");
    }

    String date(Instant at) {
        return DATE.format(at.atZone(zone));
    }
}
