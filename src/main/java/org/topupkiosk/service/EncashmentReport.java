package org.topupkiosk.service;

import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.AuditHead;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;

/** The encashment report from the journal's record alone, so a reprint after a crash is the same paper. */
public final class EncashmentReport {

    /** A kiosk has one cash box; the GPIO cash-box sensor does not give it a number in this build. */
    static final String CASH_BOX = "1";

    private EncashmentReport() {}

    public static Receipt compose(ReceiptLayouts layouts, Encashment e, Lang lang) {
        return compose(layouts, e, null, lang);
    }

    /** The report with the journal's audit head ({@link AuditHead#printed()}) on it; null prints none. */
    public static Receipt compose(ReceiptLayouts layouts, Encashment e, AuditHead head, Lang lang) {
        if (e.at() == null) {
            throw new IllegalArgumentException("encashment " + e.id() + " is only a count; journal it first");
        }
        return layouts.encashment(new ReceiptFacts.Encashment(e.id(), e.at(), CASH_BOX,
                e.by() == null ? "" : e.by(),
                e.notes().stream().map(n -> new ReceiptFacts.NoteCount(n.note(), n.count())).toList(), e.total(),
                e.openCredits(), head == null ? null : head.printed()), lang);
    }
}
