package org.topupkiosk.journal;

import static org.topupkiosk.journal.LedgerRules.mask;
import static org.topupkiosk.journal.LedgerRules.requireCurrency;
import static org.topupkiosk.journal.LedgerRules.requireStatus;
import static org.topupkiosk.journal.LedgerRules.requireText;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/** Credit vouchers spent: redeemed into an OPEN order, or paid out in cash at the counter. */
record CreditDesk(SqliteStore store, Clock clock, OrderRepository orders, CreditRepository credits, AuditChain audit) {

    CustomerCredit applyCredit(String txnId, String creditCode) {
        String code = CreditCodes.normalize(creditCode);
        if (!CreditCodes.isValid(code)) {
            throw new IllegalArgumentException("'" + creditCode + "' is not a credit code (12 digits with a check "
                    + "digit); check for a typing mistake");
        }
        return store.write("apply credit to " + txnId, c -> {
            CustomerCredit credit = unspent(code);
            Order order = requireStatus(orders.require(txnId), OrderStatus.OPEN, "take credit");
            requireCurrency(credit.amount(), order);
            long now = clock.millis();
            credits.redeem(code, txnId, now);
            orders.addCredit(txnId, credit.amount().minor(), now);
            audit.append(now, "credit_redeemed", txnId, AuditChain.data("credit", mask(code),
                    "amount_minor", credit.amount().minor()));
            return credit;
        });
    }

    Money refundCredit(String creditCode, String reason) {
        String code = CreditCodes.normalize(creditCode);
        requireText(reason, "reason");
        return store.write("refund credit", c -> {
            CustomerCredit credit = unspent(code);
            long now = clock.millis();
            credits.redeem(code, null, now);
            credits.recordRefund(credit.amount(), credit.sourceTxn(), code, reason, now);
            audit.append(now, "credit_refunded", credit.sourceTxn(), AuditChain.data("credit", mask(code),
                    "amount_minor", credit.amount().minor(), "reason", reason));
            return credit.amount();
        });
    }

    /** The credit with this code, refused when there is none (IllegalArgumentException) or it was spent. */
    private CustomerCredit unspent(String code) throws SQLException {
        CustomerCredit credit = credits.find(code).orElseThrow(() -> new IllegalArgumentException(
                "no credit with code " + mask(code)));
        Optional<String> spent = credits.redeemedInto(code);
        if (spent.isPresent()) {
            throw new IllegalStateException("credit " + mask(code) + " was already redeemed (" + spent.get() + ")");
        }
        return credit;
    }
}
