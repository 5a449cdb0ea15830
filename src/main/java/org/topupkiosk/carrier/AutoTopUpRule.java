package org.topupkiosk.carrier;

import java.util.Objects;
import org.topupkiosk.domain.Money;

/**
 * An auto top-up rule the carrier keeps for a number: when the balance falls below {@code threshold}, the carrier adds
 * {@code amount} from the payment method on the subscriber's account. The kiosk never sees or stores that payment
 * method; it only asks for the rule.
 */
public record AutoTopUpRule(String ruleId, Money threshold, Money amount) {

    public AutoTopUpRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(amount, "amount");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("ruleId must not be blank");
        }
        if (!threshold.isPositive() || !amount.isPositive()) {
            throw new IllegalArgumentException("threshold and amount must be positive, got " + threshold + " and "
                    + amount);
        }
        if (!threshold.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("threshold and amount must be in one currency");
        }
    }
}
