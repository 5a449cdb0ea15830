package org.topupkiosk.journal;

import java.util.Objects;
import org.topupkiosk.domain.Money;

/**
 * What a package, e-PIN or eSIM order was opened for: the product's price, and the product as the carrier described
 * it ({@code productJson}, opaque to the journal; the flow writes and reads it). Journaled with the order, so a resumed
 * order keeps both.
 */
public record OrderTerms(Money price, String productJson) {

    public OrderTerms {
        Objects.requireNonNull(price, "price");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("price must be above zero, got " + price);
        }
        LedgerRules.requireText(productJson, "productJson");
    }
}
