package org.topupkiosk.ui.screens.offers;

import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.UiKeys;

/** How e-PIN and eSIM offers read in the customer's language, for the goods screens and the shared cash screens. */
public final class GoodsTexts {

    private GoodsTexts() {}

    /** The goods part of a snapshot, or null when the session is not an e-PIN or eSIM sale. */
    public static GoodsView goods(FlowSnapshot s) {
        return s.services() == null ? null : s.services().goods();
    }

    public static boolean esim(FlowSnapshot s) {
        return s.service() == Service.ESIM;
    }

    /** What a plan includes: "10 GB · 100 min · 7 days"; an e-PIN: "Valid for 365 days". */
    public static String contents(GoodsView.Offer o, Texts t) {
        if ("epin".equals(o.kind())) {
            return t.get(UiKeys.GOODS_EPIN_VALID, Integer.toString(o.validDays()));
        }
        StringBuilder out = new StringBuilder();
        if (o.dataMb() != 0) {
            out.append(PackageTexts.data(o.dataMb(), t));
        }
        if (o.voiceMinutes() != 0) {
            out.append(out.length() > 0 ? " · " : "").append(PackageTexts.minutes(o.voiceMinutes(), t));
        }
        out.append(out.length() > 0 ? " · " : "").append(days(o, t));
        return out.toString();
    }

    public static String days(GoodsView.Offer o, Texts t) {
        return t.get(UiKeys.GOODS_DAYS, Integer.toString(o.validDays()));
    }

    /**
     * The cash and confirm screens' line for goods: an e-PIN's price and what comes back on a credit voucher, an eSIM's
     * price and what goes to the new number; null when the snapshot is not a goods sale.
     */
    public static String cashLine(FlowSnapshot s, Texts t) {
        GoodsView g = goods(s);
        if (g == null || g.selected() == null) {
            return null;
        }
        GoodsView.Offer o = g.selected();
        Money zero = Money.zero(o.price().currency());
        if (!g.esim()) {
            Money in = s.cashInserted() == null ? zero : s.cashInserted();
            return t.get(UiKeys.GOODS_CASH_EPIN, o.price(), in.minus(o.cashNeeded()).max(zero));
        }
        Money extra = s.toBalance() == null ? zero : s.toBalance().minus(o.price()).max(zero);
        return t.get(UiKeys.GOODS_CASH_ESIM, o.price(), extra);
    }
}
