package org.topupkiosk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.fleet.kiosk.FleetAgent;
import org.topupkiosk.fleet.kiosk.FleetSettings;
import org.topupkiosk.fleet.kiosk.KioskPort;
import org.topupkiosk.flow.TopUpFlow;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.health.KioskProbe;

/**
 * The kiosk in the fleet (issue 15), built from the config's {@code fleet} section: the agent ({@link FleetAgent}) and
 * the {@link KioskPort} it drives the kiosk through, implemented here on the flow's thread. Kiosk mode only: the
 * counter terminal has no customer screen to take out of service. Closed before the flow thread by the core, so a
 * clean stop says goodbye ({@code online=false}) itself.
 */
final class KioskFleet implements KioskPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskFleet.class);

    private final TopUpFlow flow;
    private final KioskCore core;
    private final Path catalogFile;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Changes the office asked for that wait for a customer to finish (flow thread only). */
    private final List<Consumer<Progress>> waiting = new ArrayList<>();
    private final AutoCloseable subscription;
    private FleetAgent agent;
    private FleetSettings settings;
    /** How the app restarts the kiosk (under systemd), or null: a new catalog then waits for the next start. */
    private volatile Runnable restart;
    /** A catalog was installed and the kiosk restarts for it once no customer is in a session. */
    private volatile boolean restartPending;

    private KioskFleet(KioskCore core) {
        this.core = core;
        this.flow = core.flow();
        this.catalogFile = core.config().config().catalogFile();
        this.subscription = flow.subscribe(this::onSnapshot);
    }

    /**
     * The fleet of {@code core} with its settings read (a bad secrets file or office key stops the start here), or
     * empty when {@code fleet.enabled} is false (or at the counter). {@link #start()} connects it.
     */
    static Optional<KioskFleet> prepare(KioskCore core, Path configFile) throws ConfigException {
        KioskConfig cfg = core.config().config();
        if (!cfg.fleet().enabled()) {
            return Optional.empty();
        }
        if (core.counter() != null) {
            log.warn("fleet.enabled is ignored at a counter terminal (kiosk.mode: counter): it has no customer screen");
            return Optional.empty();
        }
        FleetSettings settings = FleetSettings.load(cfg, configFile, version());
        KioskFleet fleet = new KioskFleet(core);
        fleet.settings = settings;
        return Optional.of(fleet);
    }

    /** Starts the agent after the flow: the first connection and its rounds, on its own thread. */
    KioskFleet start() {
        KioskCore core = this.core;
        KioskFleet fleet = this;
        KioskProbe probe = new KioskProbe(core.journal(), KioskHealthEndpoint.devices(core, false),
                core.desk()::printerHealth, KioskHealthEndpoint.PRINTER_EVERY, KioskHealthEndpoint.PRINTER_WAIT,
                Clock.systemUTC());
        fleet.agent = new FleetAgent(settings, core.journal(), probe, fleet, fleet.catalogFile, Clock.systemUTC())
                .start();
        log.info("fleet agent started broker={} kiosk={} prefix={}", settings.broker(), settings.kioskId(),
                settings.topics().prefix());
        return this;
    }

    static String version() {
        String v = KioskCore.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    FleetAgent agent() {
        return agent;
    }

    /** A customer is in a session: not on a screen the kiosk rests on. */
    private static boolean resting(Screen s) {
        return s == Screen.IDLE || s == Screen.OUT_OF_SERVICE || s == Screen.SERVICE_LOCK;
    }

    /** The app's restart (systemd starts the kiosk again), used to apply a catalog the office sent. */
    void restartWith(Runnable restart) {
        this.restart = restart;
    }

    private void restartIfIdle(Screen screen) {
        Runnable r = restart;
        if (restartPending && r != null && resting(screen)) {
            restartPending = false;
            log.info("fleet catalog: restarting the kiosk to apply it (screen {})", screen);
            r.run();
        }
    }

    private void onSnapshot(FlowSnapshot s) {
        restartIfIdle(s.screen());
        if (!waiting.isEmpty() && resting(s.screen())) {
            List<Consumer<Progress>> done = new ArrayList<>(waiting);
            waiting.clear();
            done.forEach(p -> p.accept(Progress.DONE));
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public Mode mode() {
        FlowSnapshot s = flow.current();
        String reason = flow.outOfServiceReason().orElse(null);
        if (s.screen() == Screen.SERVICE_LOCK) {
            return new Mode(StateMessage.SERVICE, reason);
        }
        if (s.screen() == Screen.OUT_OF_SERVICE) {
            return new Mode(StateMessage.OUT_OF_SERVICE, reason != null ? reason : "out of service");
        }
        return new Mode(StateMessage.IN_SERVICE, null);
    }

    @Override
    public void officeHold(String text, Consumer<Progress> progress) {
        flow.officeHold(text, () -> {
            if (resting(flow.current().screen())) {
                progress.accept(Progress.DONE);
            } else {
                progress.accept(Progress.WAITING);
                waiting.add(progress);
            }
        });
    }

    @Override
    public void syncNow() {
        core.dispatcher().kick();
    }

    /**
     * The catalog replaces the configured file atomically. The running flow keeps the catalog it started with (its
     * services, the numbering plan and the fiscal suppliers hold it), so it takes effect at a start: under systemd the
     * app gave a restart ({@link #restartWith}), run as soon as no customer is in a session; otherwise at the next
     * start. Said so in the acknowledgement.
     */
    @Override
    public String installCatalog(Path file) {
        try {
            Files.move(file, catalogFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog not moved over " + catalogFile + ": " + e.getMessage(), e);
        }
        if (restart == null) {
            log.info("fleet catalog installed at {}: takes effect at the next start", catalogFile);
            return "installed; takes effect at the next start";
        }
        log.info("fleet catalog installed at {}: the kiosk restarts for it when no customer is in a session",
                catalogFile);
        restartPending = true;
        restartIfIdle(flow.current().screen());
        return "installed; the kiosk restarts to apply it when no customer is in a session";
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("flow subscription close: {}", e.toString());
        }
    }
}
