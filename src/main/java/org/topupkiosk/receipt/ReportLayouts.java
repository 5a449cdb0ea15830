package org.topupkiosk.receipt;

import static org.topupkiosk.receipt.ReceiptFrame.signature;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.receipt.ReceiptFacts.Encashment;
import org.topupkiosk.receipt.ReceiptFacts.NoteCount;
import org.topupkiosk.receipt.ReceiptFacts.OperatorTotal;
import org.topupkiosk.receipt.ReceiptFacts.Shift;

/** The service reports, signed on paper: the encashment, and the kiosk's and the counter's X and Z reports. */
record ReportLayouts(ReceiptFrame frame) {

    Receipt encashment(Encashment e, Lang lang) {
        ReceiptWriter w = frame.header("receipt.title.encashment", lang, e.at());
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
        auditHead(w, e.auditHead());
        signature(w);
        return w.build("encashment-" + e.encashmentId(), null, null);
    }

    Receipt shift(Shift s, Lang lang) {
        ReceiptWriter w = shiftHead(s, null, lang);
        w.pair("receipt.shift.cash_in", w.money(s.cashIn()));
        w.pair("receipt.shift.credits_issued", w.money(s.creditsIssued()));
        w.pair("receipt.shift.credits_redeemed", w.money(s.creditsRedeemed()));
        w.pair("receipt.shift.refunds", w.money(s.refunds()));
        w.pair("receipt.shift.pending", String.valueOf(s.pending()));
        return shiftEnd(w, s);
    }

    Receipt counterShift(Shift s, String cashier, Money received, Money change, Lang lang) {
        ReceiptWriter w = shiftHead(s, cashier, lang);
        w.pair("receipt.shift.pending", String.valueOf(s.pending()));
        w.rule();
        w.pair("receipt.counter.received", w.money(received));
        w.pair("receipt.counter.change", w.money(change));
        w.pair("receipt.shift.returned", w.money(s.refunds()));
        w.pairBold("receipt.shift.drawer", w.money(s.cashIn()));
        return shiftEnd(w, s);
    }

    /** The X or Z header, the shift, its cashier at a counter (null at a kiosk), when it opened, and its sales. */
    private ReceiptWriter shiftHead(Shift s, String cashier, Lang lang) {
        ReceiptWriter w = frame.header(s.closing() ? "receipt.title.shift_z" : "receipt.title.shift_x", lang, s.at());
        w.pair("receipt.shift", String.valueOf(s.number()));
        if (cashier != null) {
            w.pair("receipt.cashier", cashier);
        }
        w.pair("receipt.shift.opened", frame.date(s.openedAt()));
        w.rule();
        w.pair("receipt.shift.payments", String.valueOf(s.payments()));
        w.pairBold("receipt.amount", w.money(s.amount()));
        w.pair("receipt.fee", w.money(s.fees()));
        return w;
    }

    /** The journal's audit head, so a chain cut short or rewritten later shows against this paper. */
    private static void auditHead(ReceiptWriter w, String head) {
        if (head != null) {
            w.pair("receipt.audit_head", head);
        }
    }

    /** The totals by operator, the X or Z note and the signature line. */
    private static Receipt shiftEnd(ReceiptWriter w, Shift s) {
        auditHead(w, s.auditHead());
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
}
