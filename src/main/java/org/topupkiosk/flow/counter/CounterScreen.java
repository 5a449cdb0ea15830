package org.topupkiosk.flow.counter;

/**
 * The counter terminal's screens. LOGIN (choose who you are) and PIN come first; with no shift open the cashier opens
 * one (SHIFT); a sale is NUMBER, CHECKING (the carrier's account check), AMOUNT, RECEIVED (the cash the customer handed
 * over), PAYING (change shown at once, the carrier asked) and DONE or RETURN_CASH (the carrier refused: hand the cash
 * back). CLOSE_SHIFT asks before the Z report.
 */
public enum CounterScreen {
    LOGIN, PIN, SHIFT, NUMBER, CHECKING, AMOUNT, RECEIVED, PAYING, DONE, RETURN_CASH, CLOSE_SHIFT
}
