package org.topupkiosk.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The running kiosk's health: what its flow says keeps customers out (the same facts its out-of-service and service
 * lock screens come from), and a flow thread that has stopped answering. Reads a volatile and an atomic: never waits
 * for the flow.
 */
public final class KioskHealth implements HealthStatus {

    private final Supplier<Optional<String>> flowReason;
    private final FlowHeartbeat heartbeat;
    private final Duration staleAfter;
    /** More reasons from beside the flow (the fiscal register). */
    private final Supplier<List<String>> more;

    /**
     * @param flowReason why the flow keeps customers out, empty while it sells (the counter terminal: always empty)
     * @param heartbeat  the flow thread's heartbeat
     * @param staleAfter how long without a beat counts as hung
     */
    public KioskHealth(Supplier<Optional<String>> flowReason, FlowHeartbeat heartbeat, Duration staleAfter) {
        this(flowReason, heartbeat, staleAfter, List::of);
    }

    /** @param more reasons from beside the flow, one a line ({@link FiscalHealth#reasons()}) */
    public KioskHealth(Supplier<Optional<String>> flowReason, FlowHeartbeat heartbeat, Duration staleAfter,
                       Supplier<List<String>> more) {
        this.flowReason = flowReason;
        this.heartbeat = heartbeat;
        this.staleAfter = staleAfter;
        this.more = more;
    }

    @Override
    public List<String> outOfService() {
        List<String> why = new ArrayList<>();
        flowReason.get().ifPresent(why::add);
        why.addAll(more.get());
        Duration since = heartbeat.sinceLastBeat();
        if (since.compareTo(staleAfter) > 0) {
            why.add("flow thread has not answered for " + since.toSeconds() + " s (hung; the limit is "
                    + staleAfter.toSeconds() + " s, health.flowStaleSeconds)");
        }
        return why;
    }

    /** How long ago the flow thread last answered its heartbeat. */
    public Duration sinceLastBeat() {
        return heartbeat.sinceLastBeat();
    }
}
