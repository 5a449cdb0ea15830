package org.topupkiosk.journal;

import java.util.Optional;
import org.topupkiosk.domain.Money;

/**
 * The counter terminal's part of the journal, reached through {@link Journal#counter()}: the cashiers' shifts and the
 * cash a cashier takes and hands back. Same file, same lock and same guarantees as the journal: each mutating call is
 * one transaction with its audit row.
 */
public final class CounterJournal {

    private final SqliteStore store;
    private final CashIntake cashIn;
    private final CreditDesk creditDesk;
    private final Shifts shifts;

    CounterJournal(SqliteStore store, CashIntake cashIn, CreditDesk creditDesk, Shifts shifts) {
        this.store = store;
        this.cashIn = cashIn;
        this.creditDesk = creditDesk;
        this.shifts = shifts;
    }

    /**
     * The cash a cashier took for an OPEN order: the price ({@code kept}) goes into the order, and what the customer
     * handed over and the change are journaled with the cashier and shift in the same transaction. False when already
     * journaled for this order.
     */
    public boolean recordCounterCash(String txnId, Money kept, Money received, String cashierId, int shift) {
        return cashIn.recordCounterCash(txnId, kept, received, cashierId, shift);
    }

    /**
     * A counter sale the carrier refused: its credit (made by {@link Journal#refuse}) is paid out at once as cash handed
     * back to the customer, recorded as a refund, so no voucher is left open. Returns the amount handed back.
     */
    public Money returnCounterCash(String creditCode) {
        return creditDesk.refundCredit(creditCode, Shifts.RETURNED);
    }

    /** Opens shift n+1 for this cashier; refused while a shift is open. */
    public Shift openShift(String cashierId) {
        LedgerRules.requireText(cashierId, "cashierId");
        return store.write("open shift", c -> shifts.openNext(c, cashierId));
    }

    /** The open shift with its running totals (the X report), if any. */
    public Optional<Shift> openShift() {
        return store.read("read open shift", shifts::open);
    }

    /** The newest shift, open or closed (a closed one carries its Z totals). */
    public Optional<Shift> latestShift() {
        return store.read("read latest shift", shifts::latest);
    }

    /** Closes the open shift: its Z totals are computed and journaled in the same transaction, and returned. */
    public Shift closeShift(String cashierId) {
        LedgerRules.requireText(cashierId, "cashierId");
        return store.write("close shift", c -> shifts.close(c, cashierId));
    }
}
