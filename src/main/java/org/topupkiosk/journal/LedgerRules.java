package org.topupkiosk.journal;

import java.util.Objects;
import org.topupkiosk.domain.Money;

/** The argument and state checks every money event of the journal makes before it writes, and how codes are masked. */
final class LedgerRules {

    private LedgerRules() {}

    static Order requireStatus(Order order, OrderStatus expected, String action) {
        if (order.status() != expected) {
            throw new IllegalStateException("cannot " + action + " order " + order.txnId() + ": it is "
                    + order.status() + ", not " + expected);
        }
        return order;
    }

    static void requireCurrency(Money money, Order order) {
        if (!money.currency().equals(order.cash().currency())) {
            throw new IllegalArgumentException("order " + order.txnId() + " is in " + order.cash().currency()
                    + ", got " + money);
        }
    }

    static void requirePositive(Money amount, String name, String currency) {
        Objects.requireNonNull(amount, name);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(name + " must be positive, got " + amount);
        }
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException(name + " must be in " + currency + ", got " + amount);
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Credit codes are bearer money: the audit and logs keep the last four digits only. */
    static String mask(String code) {
        return code.length() <= 4 ? "****" : "*".repeat(code.length() - 4) + code.substring(code.length() - 4);
    }
}
