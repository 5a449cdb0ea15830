package org.topupkiosk.flow.goods;

import static org.topupkiosk.flow.core.Screen.GOODS_DONE;
import static org.topupkiosk.flow.core.Screen.GOODS_LIST;
import static org.topupkiosk.flow.core.Screen.GOODS_OPERATOR;
import static org.topupkiosk.flow.core.Screen.RECEIPT;

import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.TouchInput;
import org.topupkiosk.journal.CreditCodes;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.receipt.GoodsReceipts;

/**
 * Builds the goods part of the snapshot from the session, pure (as {@link FlowSnapshots} does for the rest). The PIN
 * and the activation code go in only on the receipt and done screens.
 */
final class GoodsSnapshots {

    private GoodsSnapshots() {}

    /** The services view with the goods part filled in (and the chosen offer as the cash and confirm screens' item). */
    static ServicesView withGoods(ServicesView v, Session s, Screen screen, Lang lang, Catalog catalog) {
        GoodsState sale = GoodsState.of(s);
        if (v == null) {
            return v;
        }
        Operator op = s.operator;
        List<GoodsView.Offer> page = new ArrayList<>();
        if (screen == GOODS_LIST) {
            for (GoodsOffer g : TouchInput.page(sale.offers, sale.page, GoodsSales.PER_PAGE)) {
                page.add(offer(g, op, lang));
            }
        }
        GoodsView.Offer selected = sale.offer == null ? null : offer(sale.offer, op, lang);
        boolean done = screen == GOODS_DONE || screen == RECEIPT;
        Goods g = done ? sale.goods : null;
        boolean esim = g != null && "esim".equals(g.kind());
        String[] lpa = esim ? g.secret().split("\\$", -1) : null;
        GoodsView goods = new GoodsView(s.service, page, sale.page, GoodsSales.pages(sale.offers.size()), selected,
                group(sale.deviceDigits.toString()), sale.deviceDigits.length(),
                sale.device == null ? null : sale.device.kind().name(),
                g != null && !esim ? GoodsReceipts.groupPin(g.secret()) : null,
                g == null ? null : g.serial(), g == null ? null : g.expiresOn(),
                esim ? g.secret() : null, esim ? lpa[1] : null, esim ? lpa[2] : null,
                esim ? g.msisdn().pretty() : null,
                done && sale.claim != null && g == null ? GoodsClaimCodes.pretty(sale.claim.code()) : null,
                done && sale.claim != null && g == null ? sale.claim.code() : null,
                sale.change == null ? null : sale.change.amount(),
                sale.change == null ? null : CreditCodes.pretty(sale.change.code()));
        ServicesView.PackageView item = selected == null ? null : new ServicesView.PackageView(selected.id(),
                selected.title(), selected.kind(), "unlimited", selected.dataMb(), selected.voiceMinutes(),
                selected.price(), selected.fee(), selected.cashNeeded());
        List<ServicesView.OperatorTile> tiles = v.operators();
        if (screen == GOODS_OPERATOR) {
            tiles = catalog.operators().stream()
                    .map(o -> new ServicesView.OperatorTile(o.id(), o.name(lang.code()), o.color())).toList();
        }
        return new ServicesView(v.service(), tiles, v.hintOperatorId(), v.balance(), v.balanceExpires(),
                v.packages(), v.page(), v.pages(), item, v.voucherPinMasked(), v.voucherPinLength(), v.voucherNominal(),
                v.voucherOperatorName(), v.voucherSerial(), v.promo(), goods, v.account(), v.sim(), v.offered());
    }

    private static GoodsView.Offer offer(GoodsOffer g, Operator op, Lang lang) {
        Money cash = op == null ? g.price() : op.fee().cashNeededFor(g.price());
        return new GoodsView.Offer(g.productId(), g.title(lang.code()), g.kind().wire(), g.price(), cash.minus(g.price()),
                cash, g.dataMb(), g.voiceMinutes(), g.validDays());
    }

    /** Typed digits in groups of four, so a long EID can be checked against the phone's screen. */
    private static String group(String digits) {
        return GoodsReceipts.groupPin(digits);
    }
}
