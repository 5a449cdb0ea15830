package org.topupkiosk.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of min(max, initial * 2^n), so a
 * fleet of kiosks coming back after an outage does not hit the carrier in lockstep. Pure apart from the random source.
 */
public final class RetryPolicy {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public RetryPolicy(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below initial " + initial);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Delay before retry number {@code attempts} (1 = the first retry). */
    /** The longest wait this policy ever asks for: a retry scheduled further ahead means the clock went back. */
    public Duration max() {
        return max;
    }

    public Duration delay(int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << shift);
        if (ceiling <= 0 || (initial.toMillis() << shift) < 0) {
            ceiling = max.toMillis();
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
