package org.topupkiosk.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.topupkiosk.flow.core.FlowExecutor;

/**
 * Proof that the flow thread still runs its tasks: a tiny task, posted to the flow thread every {@code every}, stamps
 * the time it ran. Nobody waits for it: a flow thread stuck in a task simply stops stamping, and
 * {@link #sinceLastBeat()} grows, which the health endpoint reports as a hung kiosk.
 */
public final class FlowHeartbeat implements AutoCloseable {

    private final FlowExecutor flow;
    private final Duration every;
    private final LongSupplier nanos;
    private final AtomicLong lastBeat = new AtomicLong();
    private volatile boolean closed;
    private volatile FlowExecutor.Timer next;

    public FlowHeartbeat(FlowExecutor flow, Duration every) {
        this(flow, every, System::nanoTime);
    }

    FlowHeartbeat(FlowExecutor flow, Duration every, LongSupplier nanos) {
        this.flow = flow;
        this.every = every;
        this.nanos = nanos;
        lastBeat.set(nanos.getAsLong());
    }

    /** Posts the first beat; counts from now until it runs. */
    public FlowHeartbeat start() {
        lastBeat.set(nanos.getAsLong());
        flow.execute(this::beat);
        return this;
    }

    private void beat() {
        if (closed) {
            return;
        }
        lastBeat.set(nanos.getAsLong());
        next = flow.schedule(this::beat, every);
    }

    /** How long ago the flow thread last ran a beat (or since {@link #start()}, before the first). */
    public Duration sinceLastBeat() {
        return Duration.ofNanos(Math.max(0, nanos.getAsLong() - lastBeat.get()));
    }

    @Override
    public void close() {
        closed = true;
        FlowExecutor.Timer t = next;
        if (t != null) {
            t.cancel();
        }
    }
}
