package org.topupkiosk.flow.fiscal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.domain.Msisdn;

/**
 * The payment agent's receipt of one order: the payment as an agent's item (agent and supplier tags) named after the
 * number ("Оплата услуг связи, +7 916 ***-**-67") or the package or goods, the agent's fee as its own item when the
 * fee rule charged one, and the cash the customer put in (a kiosk gives no change: what is above the total went to
 * the balance or onto a credit voucher, as the order says). The refund at the counter is the same receipt with the
 * sign "возврат прихода" and the total paid back.
 */
public final class FiscalReceipts {

    /** The name of a top-up item before the masked number. */
    public static final String TOP_UP_ITEM = "Оплата услуг связи";
    /** The agent's own fee, an item without agent and supplier tags. */
    public static final String FEE_ITEM = "Вознаграждение платёжного агента";

    private FiscalReceipts() {}

    /** "Оплата услуг связи, +7 916 ***-**-67". */
    public static String topUpItem(Msisdn msisdn) {
        return TOP_UP_ITEM + ", " + msisdn.masked();
    }

    /**
     * A sale ("приход").
     *
     * @param itemName   {@link #topUpItem} or the package's or goods' name
     * @param operatorId whose supplier data the item carries
     * @param priceMinor what goes to the carrier (the balance, or the price of the package or goods)
     * @param feeMinor   the agent's fee (0: no fee item)
     * @param cashMinor  what the customer put in (cash and redeemed credit), at least price plus fee
     * @throws IllegalStateException naming the operator when the settings have no supplier for it
     */
    public static FiscalReceipt sale(FiscalSettings settings, String itemName, String operatorId, long priceMinor,
                                     long feeMinor, long cashMinor) {
        return sale(settings, itemName, operatorId, priceMinor, feeMinor, cashMinor, settings.cashier());
    }

    /** As above, at the counter: {@code cashier} is the cashier's name (1021). */
    public static FiscalReceipt sale(FiscalSettings settings, String itemName, String operatorId, long priceMinor,
                                     long feeMinor, long cashMinor, String cashier) {
        FiscalItem.Supplier supplier = settings.supplier(operatorId).orElseThrow(() -> new IllegalStateException(
                "catalog operator " + operatorId + " has no supplier (name, inn, phone): its payments cannot be "
                        + "registered"));
        List<FiscalItem> items = new ArrayList<>();
        items.add(new FiscalItem(itemName, priceMinor, 1, Optional.of(settings.agent()), Optional.of(supplier)));
        if (feeMinor > 0) {
            items.add(new FiscalItem(FEE_ITEM, feeMinor, 1, Optional.empty(), Optional.empty()));
        }
        return new FiscalReceipt(FiscalReceipt.Sign.INCOME, settings.taxSystem(), items, cashMinor, Optional.empty(),
                cashier);
    }

    /** The counter's refund of a sale: the same items, "возврат прихода", the total paid back in cash. */
    public static FiscalReceipt refundOf(FiscalReceipt sale, String cashier) {
        return new FiscalReceipt(FiscalReceipt.Sign.INCOME_RETURN, sale.taxSystem(), sale.items(), sale.totalMinor(),
                Optional.empty(), cashier);
    }
}
