package org.topupkiosk.flow.goods;

import java.util.List;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.GoodsClaim;

/** What the e-PIN and eSIM screens gathered in one session; see {@link GoodsSales}. */
final class GoodsState {

    List<GoodsOffer> offers = List.of();
    int page;
    GoodsOffer offer;
    /** The phone's EID or IMEI as typed (optional), and the checked id once Next accepted it. */
    final StringBuilder deviceDigits = new StringBuilder(32);
    DeviceId device;
    /** What the carrier issued (from the journal), the order's claim code, and the change voucher of an e-PIN. */
    Goods goods;
    GoodsClaim claim;
    CustomerCredit change;

    static GoodsState of(Session s) {
        return s.part(GoodsState.class, GoodsState::new);
    }
}
