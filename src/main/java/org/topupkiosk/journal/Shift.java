package org.topupkiosk.journal;

import java.time.Instant;
import java.util.List;
import org.topupkiosk.domain.Money;

/**
 * A cashier's shift at a counter and its totals, all read from the journal. While open, {@code closedAt} is null and
 * the totals are the X report's (running); once closed they are the Z report's, frozen in the {@code shift_closed} row.
 *
 * @param sales       counter sales paid to the carrier or waiting for it (PENDING, CONFIRMED)
 * @param amount      what those sales put on balances
 * @param fees        their fees
 * @param received    cash the customers handed over, for every sale rung up
 * @param change      change given back
 * @param returned    cash handed back because the carrier refused the payment
 * @param returns     how many payments were refused and their cash returned
 * @param pending     sales not yet confirmed by the carrier
 */
public record Shift(int number, String cashierId, Instant openedAt, Instant closedAt, int sales, Money amount,
                    Money fees, Money received, Money change, Money returned, int returns, int pending,
                    List<OperatorSales> byOperator) {

    public record OperatorSales(String operatorId, int count, Money amount) {}

    public Shift {
        byOperator = List.copyOf(byOperator);
    }

    public boolean open() {
        return closedAt == null;
    }

    /** Cash that should be in the drawer from this shift: taken, less change, less refused payments handed back. */
    public Money drawer() {
        return received.minus(change).minus(returned);
    }
}
