package org.topupkiosk.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A carrier promotion the kiosk advertises: a bonus of {@code bonusPercent} on a top-up of at least {@code minAmount}
 * to the balance, for one operator, from {@code validFrom} to {@code validUntil} inclusive. The carrier applies the
 * bonus (the kiosk sends the promo id with the payment); the kiosk only shows it and prints it, and never changes the
 * money it journals or sends because of it.
 */
public record Promotion(String id, String operatorId, Money minAmount, int bonusPercent, LocalDate validFrom,
                        LocalDate validUntil, Map<String, String> titles) {

    public Promotion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(minAmount, "minAmount");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        titles = Map.copyOf(titles);
        if (bonusPercent < 1 || bonusPercent > 100) {
            throw new IllegalArgumentException("promotion " + id + ": bonus must be 1-100 %, got " + bonusPercent);
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("promotion " + id + ": ends " + validUntil + " before it starts " + validFrom);
        }
    }

    /** Does a top-up of {@code amount} for {@code operator} on {@code day} earn the bonus? */
    public boolean appliesTo(String operator, Money amount, LocalDate day) {
        return operatorId.equals(operator) && !amount.lessThan(minAmount) && !day.isBefore(validFrom)
                && !day.isAfter(validUntil);
    }

    /** Is it running on {@code day} for {@code operator}, whatever the amount (to advertise it before the amount)? */
    public boolean runs(String operator, LocalDate day) {
        return operatorId.equals(operator) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** The bonus the carrier is expected to add, rounded down to the kopeck; shown, never journaled as money paid. */
    public Money bonusFor(Money amount) {
        return new Money(amount.minor() * bonusPercent / 100, amount.currency());
    }

    public String title(String language) {
        String t = titles.get(language);
        return t != null ? t : titles.getOrDefault("ru", id);
    }
}
