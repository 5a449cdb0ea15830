package org.topupkiosk.ui.screens.offers;

import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.ui.kit.Texts;
import org.topupkiosk.ui.kit.UiKeys;

/** How a package's kind, period and quantities read in the customer's language ("20 GB", "500 min", "unlimited"). */
public final class PackageTexts {

    private PackageTexts() {}

    public static String kind(ServicesView.PackageView p, Texts t) {
        return switch (p.kind()) {
            case "voice" -> t.get(UiKeys.PACKAGE_KIND_VOICE);
            case "combo" -> t.get(UiKeys.PACKAGE_KIND_COMBO);
            default -> t.get(UiKeys.PACKAGE_KIND_DATA);
        };
    }

    public static String period(ServicesView.PackageView p, Texts t) {
        return switch (p.period()) {
            case "day" -> t.get(UiKeys.PACKAGE_PERIOD_DAY);
            case "month" -> t.get(UiKeys.PACKAGE_PERIOD_MONTH);
            default -> t.get(UiKeys.PACKAGE_PERIOD_UNLIMITED);
        };
    }

    public static String data(long mb, Texts t) {
        if (mb < 0) {
            return t.get(UiKeys.PACKAGE_UNLIMITED);
        }
        if (mb == 0) {
            return t.get(UiKeys.PACKAGE_NONE);
        }
        if (mb % 1024 == 0) {
            return t.get(UiKeys.PACKAGE_GB, Long.toString(mb / 1024));
        }
        return t.get(UiKeys.PACKAGE_MB, Long.toString(mb));
    }

    public static String minutes(long minutes, Texts t) {
        if (minutes < 0) {
            return t.get(UiKeys.PACKAGE_UNLIMITED);
        }
        return minutes == 0 ? t.get(UiKeys.PACKAGE_NONE) : t.get(UiKeys.PACKAGE_MIN, Long.toString(minutes));
    }

    /**
     * What the inserted cash buys: for a top-up "To the balance: X"; for a package its price and what is above it,
     * which goes to the balance.
     */
    public static String toBalanceLine(FlowSnapshot s, Texts t) {
        String goods = GoodsTexts.cashLine(s, t); // an e-PIN or eSIM says where money above its price goes
        if (goods != null) {
            return goods;
        }
        ServicesView.PackageView pkg = s.services() == null ? null : s.services().selected();
        if (pkg == null || s.toBalance() == null) {
            return t.get(UiKeys.CASH_TO_BALANCE, s.toBalance());
        }
        Money extra = s.toBalance().minus(pkg.price()).max(Money.zero(
                pkg.price().currency()));
        return t.get(UiKeys.CASH_PACKAGE, pkg.price(), extra);
    }

    /** "20 GB · 500 min" with only what the package includes. */
    public static String contents(ServicesView.PackageView p, Texts t) {
        StringBuilder out = new StringBuilder();
        if (p.dataMb() != 0) {
            out.append(data(p.dataMb(), t));
        }
        if (p.voiceMinutes() != 0) {
            if (out.length() > 0) {
                out.append(" · ");
            }
            out.append(minutes(p.voiceMinutes(), t));
        }
        return out.toString();
    }
}
