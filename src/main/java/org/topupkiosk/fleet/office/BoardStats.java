package org.topupkiosk.fleet.office;

/**
 * The board's figures for the bench: kiosks known, states applied, payloads refused, events (and repeats dropped),
 * and the latency from a state's timestamp on the kiosk to the board applying it.
 */
public record BoardStats(int kiosks, long stateUpdates, long badMessages, long events, long duplicateEvents,
                         Latency latencyMs) {

    /** Milliseconds over {@code count} states. */
    public record Latency(long p50, long p99, long max, long count) {
    }
}
