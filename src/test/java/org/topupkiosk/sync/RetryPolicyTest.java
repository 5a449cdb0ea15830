package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.topupkiosk.testing.Property;

class RetryPolicyTest {

    @Test
    void growsExponentiallyWithinHalfAndAllOfTheCeiling() {
        Property.forAll(200, r -> {
            RetryPolicy p = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(60), new Random(r.nextLong()));
            for (int attempt = 1; attempt <= 40; attempt++) {
                long ceiling = Math.min(60_000, 500L << Math.min(attempt - 1, 30));
                long d = p.delay(attempt).toMillis();
                assertThat(d).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        });
    }

    @Test
    void jitterSpreadsAFleet() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(3));
        long distinct = IntStream.range(0, 50).mapToLong(i -> p.delay(5).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), new Random()))
                .hasMessageContaining("initial backoff must be positive");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .hasMessageContaining("below initial");
    }
}
