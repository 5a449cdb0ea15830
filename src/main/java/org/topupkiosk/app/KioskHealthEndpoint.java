package org.topupkiosk.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.ListenAddress;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.health.FiscalHealth;
import org.topupkiosk.health.FlowHeartbeat;
import org.topupkiosk.health.HealthServer;
import org.topupkiosk.health.HealthStatus;
import org.topupkiosk.health.KioskHealth;
import org.topupkiosk.health.KioskMetrics;
import org.topupkiosk.health.KioskProbe;
import org.topupkiosk.health.KioskSample;

/**
 * Wires the health endpoint ({@code health.listen}) to a running core: the flow's own out-of-service reason and a
 * heartbeat on the flow thread for {@code /health}, the journal and the devices for {@code /metrics}. The endpoint is
 * only an observer: when its address cannot be bound the kiosk still sells, and the log says why there is no endpoint.
 */
final class KioskHealthEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskHealthEndpoint.class);

    /** How often the flow thread stamps its heartbeat. */
    static final Duration BEAT_EVERY = Duration.ofSeconds(1);
    /** The printer is asked for its status at most this often; a scrape waits this long for its answer. */
    static final Duration PRINTER_EVERY = Duration.ofSeconds(10);
    static final Duration PRINTER_WAIT = Duration.ofSeconds(2);

    private final FlowHeartbeat heartbeat;
    private final HealthServer server;

    private KioskHealthEndpoint(FlowHeartbeat heartbeat, HealthServer server) {
        this.heartbeat = heartbeat;
        this.server = server;
    }

    /** The endpoint of {@code core} on {@code address}, or empty when it cannot be bound (logged). */
    static Optional<KioskHealthEndpoint> start(KioskCore core, FlowExecutor flowThread, InetSocketAddress address,
                                               Duration printerEvery) {
        KioskConfig cfg = core.config().config();
        FlowHeartbeat beat = new FlowHeartbeat(flowThread, BEAT_EVERY).start();
        boolean counter = core.counter() != null;
        Optional<FiscalHealth> fiscal = core.fiscalHealth();
        KioskHealth health = new KioskHealth(counter ? Optional::empty : core.flow()::outOfServiceReason, beat,
                Duration.ofSeconds(cfg.health().flowStaleSeconds()),
                fiscal.<Supplier<List<String>>>map(f -> f::reasons).orElse(List::of));
        KioskProbe probe = new KioskProbe(core.journal(), devices(core, counter), core.desk()::printerHealth,
                printerEvery, PRINTER_WAIT, Clock.systemUTC());
        KioskMetrics metrics = new KioskMetrics(health, probe, () -> health.sinceLastBeat().toMillis() / 1000.0,
                () -> fiscal.flatMap(FiscalHealth::reading));
        try {
            return Optional.of(new KioskHealthEndpoint(beat, HealthServer.start(address, health, metrics)));
        } catch (IOException e) {
            beat.close();
            log.error("ALARM health endpoint not started on {} (health.listen): {}; the kiosk sells on without it",
                    ListenAddress.format(address), e.toString());
            return Optional.empty();
        }
    }

    /** The devices whose drivers report their own last state; the printer is asked on its thread (KioskProbe). */
    static List<Supplier<DeviceHealth>> devices(KioskCore core, boolean counter) {
        List<Supplier<DeviceHealth>> list = new ArrayList<>();
        if (!counter) {
            list.add(core.acceptor()::checkHealth); // the counter takes cash by hand: its acceptor is not in use
        }
        if (core.gpio() != null) {
            list.add(core.gpio()::checkHealth);
        }
        core.scanner().ifPresent(s -> list.add(s::checkHealth));
        if (core.simReader() != null) { // its health carries the reader's PC/SC name; the metric says what it is
            list.add(() -> {
                DeviceHealth h = core.simReader().checkHealth();
                return new DeviceHealth("sim_reader", h.state(), h.device() + ": " + h.detail());
            });
        }
        return list;
    }

    /**
     * A kiosk that did not start because its journal is damaged: {@code /health} says so (503), {@code /metrics} has
     * only that and the uptime. Empty when the address cannot be bound.
     */
    static Optional<HealthServer> damaged(InetSocketAddress address, String reason) {
        HealthStatus status = () -> List.of(reason);
        try {
            return Optional.of(HealthServer.start(address, status,
                    new KioskMetrics(status, () -> KioskSample.NONE, null)));
        } catch (IOException e) {
            log.error("health endpoint not started on {}: {}", ListenAddress.format(address), e.toString());
            return Optional.empty();
        }
    }

    InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
        heartbeat.close();
    }
}
