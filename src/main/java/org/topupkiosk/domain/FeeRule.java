package org.topupkiosk.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commission a kiosk takes out of the cash the customer inserts: 600 RUB in, 2% fee, 12 RUB kept, 588 RUB to the
 * balance. Kiosks give no change, so the fee is always taken from the cash rather than added on top.
 *
 * <p>fee(cash) = max(minimum, fixed + cash * basisPoints / 10000 rounded half-up to the kopeck), capped at the cash.
 * All arithmetic is on {@code long} kopecks; there is no floating point anywhere.
 *
 * @param basisPoints the percentage part in hundredths of a percent (250 = 2.5%), 0 to 9999
 * @param fixed       added to the percentage part before the minimum applies
 * @param minimum     the smallest fee taken from any non-zero payment
 */
public record FeeRule(long basisPoints, Money fixed, Money minimum) {

    /** 100% in basis points. A rule must stay below it or no cash would ever reach the balance. */
    public static final long FULL = 10_000;

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,4})(?:\\.(\\d{1,2}))?");

    public FeeRule {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(minimum, "minimum");
        if (basisPoints < 0 || basisPoints >= FULL) {
            throw new IllegalArgumentException("fee must be at least 0% and below 100%, got " + basisPoints + " bp");
        }
        if (fixed.isNegative() || minimum.isNegative()) {
            throw new IllegalArgumentException("fixed and minimum fee must not be negative: " + fixed + ", " + minimum);
        }
        if (!fixed.currency().equals(minimum.currency())) {
            throw new IllegalArgumentException("fee currencies differ: " + fixed + " vs " + minimum);
        }
    }

    /** No commission at all. */
    public static FeeRule none(String currency) {
        return new FeeRule(0, Money.zero(currency), Money.zero(currency));
    }

    /** A rule from a percent written as a decimal string ("2", "2.5", "0.75"). */
    public static FeeRule ofPercent(String percent, Money fixed, Money minimum) {
        return new FeeRule(parsePercent(percent), fixed, minimum);
    }

    /**
     * Parses a percent written as a decimal string into basis points, exactly: "2" is 200, "2.5" is 250, "0.75" is
     * 75. Refuses signs, exponents, more than two decimals and anything at or above 100.
     */
    public static long parsePercent(String percent) {
        if (percent == null) {
            throw new IllegalArgumentException("percent is missing");
        }
        String s = percent.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("percent must not be negative, got \"" + percent + "\"");
        }
        Matcher m = PERCENT.matcher(s);
        if (!m.matches()) {
            String why = s.matches("\\d+\\.\\d{3,}") ? "at most 2 decimals" : "a decimal such as 2, 2.5 or 0.75";
            throw new IllegalArgumentException("percent \"" + percent + "\" is not " + why);
        }
        long whole = Long.parseLong(m.group(1));
        String frac = m.group(2) == null ? "" : m.group(2);
        long hundredths = frac.isEmpty() ? 0 : Long.parseLong(frac.length() == 1 ? frac + "0" : frac);
        long bp = whole * 100 + hundredths;
        if (bp >= FULL) {
            throw new IllegalArgumentException("percent \"" + percent + "\" must be below 100");
        }
        return bp;
    }

    public String currency() {
        return fixed.currency();
    }

    /** The commission kept from this much cash; never more than the cash, zero for zero cash. */
    public Money feeFor(Money cash) {
        requireCash(cash);
        return new Money(feeMinor(cash.minor()), cash.currency());
    }

    /** What reaches the customer's balance: cash minus the fee, zero if the fee eats it all. */
    public Money toBalance(Money cash) {
        requireCash(cash);
        return new Money(balanceMinor(cash.minor()), cash.currency());
    }

    /**
     * The smallest cash whose {@link #toBalance} is at least {@code target}. Exact: a binary search over kopecks,
     * which is valid because the balance never falls when the cash grows (the percentage part grows by at most one
     * kopeck per kopeck while the rule stays below 100%).
     */
    public Money cashNeededFor(Money target) {
        requireCash(target);
        long want = target.minor();
        if (want == 0) {
            return target;
        }
        long lo = want; // the fee is never negative, so less cash than the target can never do
        long hi = upperBound(want);
        while (balanceMinor(hi) < want) {
            hi = Math.multiplyExact(hi, 2L);
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (balanceMinor(mid) >= want) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new Money(lo, target.currency());
    }

    /** The percentage as written for people: "2.5%", "0%". */
    public String percentText() {
        long whole = basisPoints / 100;
        long frac = basisPoints % 100;
        if (frac == 0) {
            return whole + "%";
        }
        return whole + "." + (frac % 10 == 0 ? String.valueOf(frac / 10) : String.format(Locale.ROOT, "%02d", frac)) + "%";
    }

    private long feeMinor(long cash) {
        if (cash == 0) {
            return 0;
        }
        long percentPart = (Math.multiplyExact(cash, basisPoints) + FULL / 2) / FULL;
        long fee = Math.max(minimum.minor(), Math.addExact(fixed.minor(), percentPart));
        return Math.min(fee, cash);
    }

    private long balanceMinor(long cash) {
        return cash - feeMinor(cash);
    }

    // cash - fixed - (cash*bp + 5000)/10000 >= cash*(10000-bp)/10000 - fixed - 1, so this much cash always suffices.
    private long upperBound(long want) {
        long byPercent = Math.multiplyExact(Math.addExact(want, fixed.minor() + 1), FULL) / (FULL - basisPoints) + 1;
        return Math.max(byPercent, Math.addExact(want, minimum.minor())) + 1;
    }

    private void requireCash(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (!amount.currency().equals(currency())) {
            throw new IllegalArgumentException("currency mismatch: rule in " + currency() + ", amount " + amount);
        }
    }
}
