package org.topupkiosk.journal;

import java.time.Instant;
import org.topupkiosk.domain.Money;

/**
 * A credit voucher owed to a customer: {@code code} is 12 digits with a check digit (see {@link CreditCodes}).
 * {@code sourceTxn} is the cancelled or refused order, or null for a note found in the stacker with no order.
 * The code is a bearer secret: {@link #masked()} and {@link #toString()} show only its last four digits, for logs.
 */
public record CustomerCredit(String code, Money amount, String sourceTxn, Instant issuedAt, String reason) {

    /** "********1234": what a log line may carry of the code. */
    public String masked() {
        return LedgerRules.mask(code);
    }

    @Override
    public String toString() {
        return "CustomerCredit[" + masked() + ", " + amount + ", txn=" + sourceTxn + ", " + reason + "]";
    }
}
