package org.topupkiosk.device.fiscal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A receipt to register, with the tags a payment agent must send (FFD 1.2; the tag numbers are in brackets).
 *
 * @param sign            "приход" at a sale, "возврат прихода" at the counter's refund (1054)
 * @param taxSystem       the agent's tax system (1055)
 * @param items           one per service paid, plus the agent's fee as its own item when one is charged
 * @param cashPaidMinor   cash taken, in kopecks (1031); at least the items' total, a kiosk gives no change
 * @param customerContact phone (+7...) or e-mail for an electronic copy (1008), if the customer gave one
 * @param cashier         the name printed as the cashier (1021): the kiosk's id, or the counter's cashier
 */
public record FiscalReceipt(Sign sign, TaxSystem taxSystem, List<FiscalItem> items, long cashPaidMinor,
        Optional<String> customerContact, String cashier) {

    public enum Sign { INCOME, INCOME_RETURN }

    /** The tax systems of tag 1055, with their bit. */
    public enum TaxSystem {
        OSN(1), USN_INCOME(2), USN_INCOME_MINUS_EXPENSE(4), ESHN(16), PATENT(32);

        public final int bit;

        TaxSystem(int bit) {
            this.bit = bit;
        }
    }

    public FiscalReceipt {
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(taxSystem, "taxSystem");
        items = List.copyOf(items);
        Objects.requireNonNull(customerContact, "customerContact");
        Objects.requireNonNull(cashier, "cashier");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a receipt needs at least one item");
        }
        // The fields are assigned after this body: the total is summed from the parameter, not by totalMinor().
        long total = 0;
        for (FiscalItem item : items) {
            total = Math.addExact(total, item.amountMinor());
        }
        if (cashPaidMinor < total) {
            throw new IllegalArgumentException("cash " + cashPaidMinor + " is less than the total " + total);
        }
    }

    public long totalMinor() {
        long sum = 0;
        for (FiscalItem item : items) {
            sum = Math.addExact(sum, item.amountMinor());
        }
        return sum;
    }
}
