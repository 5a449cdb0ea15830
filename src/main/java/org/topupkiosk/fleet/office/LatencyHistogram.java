package org.topupkiosk.fleet.office;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in whole milliseconds, 0 to {@value #SPAN_MS} ms in 1 ms buckets (longer ones in the last bucket, and in
 * the maximum exactly): exact percentiles at millisecond resolution in fixed memory, recorded from any thread.
 */
final class LatencyHistogram {

    static final int SPAN_MS = 60_000;

    private final AtomicLongArray buckets = new AtomicLongArray(SPAN_MS + 1);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long millis) {
        long ms = Math.max(0, millis);
        buckets.incrementAndGet((int) Math.min(ms, SPAN_MS));
        count.incrementAndGet();
        max.accumulateAndGet(ms, Math::max);
    }

    long count() {
        return count.get();
    }

    long max() {
        return max.get();
    }

    /** The smallest latency at or below which a fraction {@code p} of the recorded ones lie; 0 when none. */
    long percentile(double p) {
        long n = count.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i <= SPAN_MS; i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return i == SPAN_MS ? max.get() : i;
            }
        }
        return max.get();
    }

    void reset() {
        for (int i = 0; i <= SPAN_MS; i++) {
            buckets.set(i, 0);
        }
        count.set(0);
        max.set(0);
    }
}
