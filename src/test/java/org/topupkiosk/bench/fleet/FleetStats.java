package org.topupkiosk.bench.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the bench kiosks did in the measured window, and the first few things that went wrong. */
final class FleetStats {

    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> firstFailures = new ArrayList<>();

    void statePublished(boolean change) {
        (change ? changes : heartbeats).incrementAndGet();
    }

    void commandReceived() {
        commands.incrementAndGet();
    }

    void failed(String what) {
        failures.incrementAndGet();
        synchronized (firstFailures) {
            if (firstFailures.size() < 5) {
                firstFailures.add(what);
            }
        }
    }

    void reset() {
        changes.set(0);
        heartbeats.set(0);
    }

    long changes() {
        return changes.get();
    }

    long heartbeats() {
        return heartbeats.get();
    }

    long failures() {
        return failures.get();
    }

    List<String> firstFailures() {
        synchronized (firstFailures) {
            return List.copyOf(firstFailures);
        }
    }

    /** Latencies in milliseconds, kept whole so the percentiles are exact. */
    static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        synchronized void add(long ms) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = ms;
        }

        synchronized void reset() {
            size = 0;
        }

        synchronized int count() {
            return size;
        }

        /** The {@code p}-th percentile (0 < p <= 100) by nearest rank; -1 when there is none. */
        synchronized long percentile(double p) {
            if (size == 0) {
                return -1;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
        }
    }
}
