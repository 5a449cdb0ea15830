package org.topupkiosk.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts.Kiosk;
import org.topupkiosk.receipt.ReceiptFacts.Sale;
import org.topupkiosk.receipt.ReceiptFacts.Status;

/**
 * What every receipt family shares: the paper width, the kiosk's header (title, kiosk, address, date), the footer
 * with the support phone and the lookup line, the status line, the money lines of a sale and the signature line.
 */
record ReceiptFrame(Messages messages, Kiosk kiosk, int columns, ZoneId zone) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    ReceiptFrame {
        if (columns != 32 && columns != 42) {
            throw new IllegalArgumentException("receipt width " + columns + " (expected 32 or 42 columns)");
        }
    }

    String supportPhone() {
        return kiosk.supportPhone();
    }

    /** The transaction's lookup address (receipt.lookupUrl followed by the id), or null when none is configured. */
    String lookupLink(String txnId) {
        String base = kiosk.lookupUrlBase();
        return base == null || base.isBlank() ? null : base + txnId;
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

    ReceiptWriter footer(ReceiptWriter w) {
        w.rule();
        w.pair("receipt.support", kiosk.supportPhone());
        if (lookupLink("") != null) {
            w.text(w.msg("receipt.lookup"));
        }
        return w;
    }

    String date(Instant at) {
        return DATE.format(at.atZone(zone));
    }

    /** The fee, the total, the cash and the credit applied: the same on every sale, whatever was bought. */
    static void paidLines(ReceiptWriter w, Sale s) {
        w.pair("receipt.fee", w.money(s.fee()));
        w.pairBold("receipt.total", w.money(s.total()));
        w.pair("receipt.cash", w.money(s.cash()));
        if (s.credit().isPositive()) {
            w.pair("receipt.credit_applied", w.money(s.credit()));
        }
    }

    /** The voucher an overpayment became, when it became one; says whether the line was written. */
    static boolean overpaymentVoucher(ReceiptWriter w, Sale s) {
        if (s.overpayment().isPositive() && s.overpaymentVoucher() != null) {
            w.text(w.msg("receipt.overpayment.voucher", w.money(s.overpayment()), s.overpaymentVoucher()));
            return true;
        }
        return false;
    }

    static void status(ReceiptWriter w, Status status) {
        String key = switch (status) {
            case CREDITED -> "receipt.status.credited";
            case PENDING -> "receipt.status.pending";
            case REFUSED -> "receipt.status.refused";
        };
        w.pairBold("receipt.status", w.msg(key));
    }

    static void signature(ReceiptWriter w) {
        w.text(" ");
        w.pair("receipt.signature", "________________");
    }
}
