package org.topupkiosk.ui.screens.offers;

import javafx.scene.control.Label;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.BarSpec;
import org.topupkiosk.ui.kit.ColumnScreen;
import org.topupkiosk.ui.kit.SummaryTable;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.Ui;
import org.topupkiosk.ui.kit.UiKeys;

/**
 * One offer before it is paid: its name, then what it includes, the price, the fee and the cash to insert, and a line
 * on money above the price. A package: that it goes to the balance (no change). An e-PIN or eSIM: a credit voucher for
 * an e-PIN, the new number's balance for an eSIM. Pay opens the cash screen.
 */
public final class OfferDetailsScreen extends ColumnScreen {

    private final boolean goods;
    private final SummaryTable summary;
    private final Label rule = Ui.label("no-change");

    private OfferDetailsScreen(boolean goods) {
        this.goods = goods;
        String prefix = goods ? "goods" : "package";
        title.setId(prefix + "-title");
        if (goods) {
            rule.setId("goods-rule");
        }
        summary = new SummaryTable(prefix + "-summary");
        layout(title, summary.node(), rule);
    }

    /** A package of minutes and data for the customer's number. */
    public static OfferDetailsScreen forPackages() {
        return new OfferDetailsScreen(false);
    }

    /** An e-PIN nominal or an eSIM plan. */
    public static OfferDetailsScreen forGoods() {
        return new OfferDetailsScreen(true);
    }

    @Override
    public void update(FlowSnapshot s, Texts t) {
        if (goods) {
            showGoods(s, t);
        } else {
            showPackage(s, t);
        }
    }

    private void showPackage(FlowSnapshot s, Texts t) {
        ServicesView.PackageView p = s.services() == null ? null : s.services().selected();
        if (p == null) {
            return;
        }
        title.setText(p.title());
        summary.clear();
        summary.add(t.get(UiKeys.PACKAGE_DATA), PackageTexts.data(p.dataMb(), t));
        summary.add(t.get(UiKeys.PACKAGE_MINUTES), PackageTexts.minutes(p.voiceMinutes(), t));
        summary.add(t.get(UiKeys.PACKAGE_PERIOD), PackageTexts.period(p, t));
        summary.add(t.get(UiKeys.PACKAGE_PRICE), t.money(p.price()));
        summary.add(t.get(UiKeys.PACKAGE_FEE), t.money(p.fee()));
        summary.add(t.get(UiKeys.PACKAGE_CASH), t.money(p.cashNeeded()));
        summary.emphasizeLast("package-cash");
        rule.setText(t.get(UiKeys.PACKAGE_EXTRA));
    }

    private void showGoods(FlowSnapshot s, Texts t) {
        GoodsView g = GoodsTexts.goods(s);
        if (g == null || g.selected() == null) {
            return;
        }
        GoodsView.Offer o = g.selected();
        title.setText(o.title());
        summary.clear();
        summary.add(t.get(UiKeys.CONFIRM_OPERATOR), s.operatorName() == null ? "" : s.operatorName());
        if (g.esim()) {
            summary.add(t.get(UiKeys.PACKAGE_DATA), PackageTexts.data(o.dataMb(), t));
            summary.add(t.get(UiKeys.PACKAGE_MINUTES), PackageTexts.minutes(o.voiceMinutes(), t));
            summary.add(t.get(UiKeys.PACKAGE_PERIOD), GoodsTexts.days(o, t));
            summary.add(t.get(UiKeys.GOODS_DETAILS_DEVICE), g.deviceKind() == null
                    ? t.get(UiKeys.GOODS_DETAILS_NO_DEVICE) : g.deviceKind() + " ···" + last4(g.deviceDigits()));
            summary.add(t.get(UiKeys.PACKAGE_PRICE), t.money(o.price()));
        } else {
            summary.add(t.get(UiKeys.GOODS_DETAILS_NOMINAL), t.money(o.price()));
            summary.add(t.get(UiKeys.PACKAGE_PERIOD), GoodsTexts.days(o, t));
        }
        summary.add(t.get(UiKeys.PACKAGE_FEE), t.money(o.fee()));
        summary.add(t.get(UiKeys.PACKAGE_CASH), t.money(o.cashNeeded()));
        summary.emphasizeLast("goods-cash");
        rule.setText(t.get(g.esim() ? UiKeys.GOODS_RULE_ESIM : UiKeys.GOODS_RULE_EPIN));
    }

    private static String last4(String grouped) {
        String d = grouped.replace(" ", "");
        return d.length() <= 4 ? d : d.substring(d.length() - 4);
    }

    @Override
    public BarSpec bar(FlowSnapshot s) {
        return BarSpec.backStartOverNext(UiKeys.PAY, true);
    }
}
