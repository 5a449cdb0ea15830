package org.topupkiosk.domain;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money in minor units (kopecks for RUB). Never a double: every operation is exact and overflow throws.
 */
public record Money(long minor, String currency) implements Comparable<Money> {

    public static final String RUB = "RUB";
    public static final Money ZERO_RUB = new Money(0, RUB);

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, got '" + currency + "'");
        }
    }

    public static Money rub(long rubles) {
        return new Money(Math.multiplyExact(rubles, 100L), RUB);
    }

    public static Money rubMinor(long kopecks) {
        return new Money(kopecks, RUB);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean lessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Whole units, truncated toward zero; for display of round amounts and bill denominations. */
    public long wholeUnits() {
        return minor / 100;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    /**
     * Formats for the screen and receipts: grouping per locale, kopecks only when not zero, the currency sign after the
     * number ("1 500 ₽", "1,500 ₽", "1,500.50 ₽").
     */
    public String format(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if ("ru".equals(locale.getLanguage())) {
            // The JDK uses a no-break space for Russian grouping; a narrow one reads better on large type.
            symbols.setGroupingSeparator('\u00A0');
        }
        long abs = Math.abs(minor);
        String pattern = abs % 100 == 0 ? "#,##0" : "#,##0.00";
        DecimalFormat df = new DecimalFormat(pattern, symbols);
        String number = abs % 100 == 0
                ? df.format(abs / 100)
                : df.format(new java.math.BigDecimal(abs).movePointLeft(2));
        return (minor < 0 ? "-" : "") + number + "\u00A0" + symbol();
    }

    /** Plain machine form: "1500.00 RUB". */
    public String plain() {
        long abs = Math.abs(minor);
        return (minor < 0 ? "-" : "") + (abs / 100) + "." + String.format(Locale.ROOT, "%02d", abs % 100) + " " + currency;
    }

    public String symbol() {
        return RUB.equals(currency) ? "₽" : currency;
    }

    @Override
    public String toString() {
        return plain();
    }
}
