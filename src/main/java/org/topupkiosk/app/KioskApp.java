package org.topupkiosk.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.app.devicepanel.DevicePanel;
import org.topupkiosk.app.systemd.SdNotify;
import org.topupkiosk.app.systemd.Watchdog;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.emulator.NoteFeeder;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.scanner.WedgeCodeScanner;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.ThreadFlowExecutor;
import org.topupkiosk.health.HealthServer;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.DamagedJournalException;
import org.topupkiosk.service.ConsoleServiceDesk;
import org.topupkiosk.service.ServiceConsole;
import org.topupkiosk.service.ServicePin;
import org.topupkiosk.ui.CounterWindow;
import org.topupkiosk.ui.FlowUiAdapter;
import org.topupkiosk.ui.KioskView;
import org.topupkiosk.ui.KioskWindow;
import org.topupkiosk.ui.OutOfServiceNotice;
import org.topupkiosk.ui.service.ServiceGesture;
import org.topupkiosk.ui.service.ServiceView;

/**
 * The kiosk application: configuration, the headless core, the screen, and in simulation mode the device panel beside
 * it. A configuration error stops the start with a message that names the file, key, value and expectation.
 *
 * <p>Options: {@code --config F}; {@code --measure-start} prints {@code cold_start_ms=} (JVM start to the first frame
 * of the idle screen) and exits, for {@code scripts/bench}.
 */
public final class KioskApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(KioskApp.class);

    private KioskCore core;
    private KioskView view;
    private ServiceConsole console;
    private AutoCloseable degradedWatchdog;
    /** The health endpoint of a kiosk that did not start (damaged journal); the core owns it otherwise. */
    private HealthServer damagedHealth;
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public void start(Stage stage) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "kiosk-stop"));
        List<String> args = getParameters().getRaw();
        boolean measureStart = args.contains("--measure-start");
        long t0 = System.nanoTime();
        LoadedConfig loaded;
        try {
            KioskMain.Booted booted = KioskMain.booting.join();
            loaded = booted.config();
            core = booted.core();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DamagedJournalException damaged) {
                showJournalDamaged(stage, damaged, args);
                return;
            }
            System.err.println("The kiosk did not start because of its configuration:");
            System.err.println(e.getCause() instanceof ConfigException ? e.getCause().getMessage() : e.getCause());
            KioskMain.notify.send("STATUS=not started, configuration: " + e.getCause().getMessage());
            Platform.exit();
            System.exit(2);
            return;
        }
        long tCore = System.nanoTime();
        KioskConfig cfg = loaded.config();
        if (core.counter() != null) {
            startCounter(stage, cfg);
            return;
        }
        if (KioskMain.failures != null) {
            KioskMain.failures.attach(core.flow());
        }
        view = new KioskView(core.flow(), core.messages());
        view.setLandscape(cfg.ui().orientation() == KioskConfig.Orientation.LANDSCAPE);
        installServiceMenu(cfg);
        DevicePanel panel = devicePanel();
        Scene scene = KioskWindow.install(stage, view, panel, cfg.ui().fullScreen());
        core.scanner().filter(WedgeCodeScanner.class::isInstance).map(WedgeCodeScanner.class::cast)
                .ifPresent(wedge -> wedge.install(scene)); // a wedge's keys never reach the screens
        stage.setTitle("TopUp Kiosk");
        if (measureStart) {
            reportFirstIdleFrame(scene);
        }
        core.start();
        serveHealthAside();
        stage.show();
        ready(cfg);
        long tShown = System.nanoTime();
        log.info("start timings: jvm_to_fx_ms={} core_wait_ms={} ui_ms={}",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()
                        - (tShown - t0) / 1_000_000,
                (tCore - t0) / 1_000_000, (tShown - tCore) / 1_000_000);
    }

    /**
     * A damaged journal is not a configuration problem: the kiosk takes no cash (no core, no devices) and says so on an
     * out-of-service screen in every language, and stays there, so a supervisor does not restart it in a loop. The
     * log and stderr name the file and SQLite's problems for the technician.
     */
    private void showJournalDamaged(Stage stage, DamagedJournalException damaged, List<String> args) {
        log.error("ALARM the journal is damaged; the kiosk takes no cash: {}", damaged.getMessage(), damaged);
        System.err.println("The kiosk takes no cash: " + damaged.getMessage());
        System.err.println("Copy the journal aside, restore it from a backup, then start the kiosk again "
                + "(see docs/operations.md, \"Damaged journal at start\").");
        Optional<KioskConfig> config = configReadAgain(args);
        boolean fullScreen = !args.contains("--windowed") && config.map(c -> c.ui().fullScreen()).orElse(false);
        OutOfServiceNotice.show(stage, new Messages(), "out_of_service.journal_damaged", fullScreen);
        // Up and saying so: systemd must not restart it in a loop. With no flow, a thread of its own answers the
        // watchdog while the JVM lives.
        SdNotify notify = KioskMain.notify;
        notify.send("READY=1", "STATUS=out of service: the journal is damaged, takes no cash");
        ThreadFlowExecutor pinger = new ThreadFlowExecutor();
        Watchdog watchdog = Watchdog.start(notify, pinger, () -> "out of service: the journal is damaged");
        degradedWatchdog = () -> {
            watchdog.close();
            pinger.close();
        };
        // A monitor hears it too: /health answers 503 with the journal's problems.
        damagedHealth = config.flatMap(c -> c.health().listen()).flatMap(a -> KioskHealthEndpoint.damaged(a,
                "journal damaged, no cash is taken: " + damaged.getMessage())).orElse(null);
    }

    /**
     * The configuration file read again (the core that read it is not there): its screen and health settings; empty
     * when it cannot be read, and then the notice is windowed and no endpoint starts.
     */
    private static Optional<KioskConfig> configReadAgain(List<String> args) {
        int i = args.indexOf("--config");
        try {
            return Optional.of(ConfigLoader.loadKioskConfig(Path.of(i >= 0 && i + 1 < args.size() ? args.get(i + 1)
                    : "kiosk-config/kiosk.yaml")));
        } catch (ConfigException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The service menu over the kiosk screen, behind the corner gesture and the PIN. Its Exit is the only way to close
     * the application: the window itself refuses Escape, Alt+F4 and close requests.
     */
    private void installServiceMenu(KioskConfig cfg) {
        ServicePin pin = new ServicePin(cfg.ui().servicePinHashFile(), core.journal().pinGates(), Clock.systemUTC());
        console = new ServiceConsole(new ServiceConsole.Parts(pin, core.journal(), core.dispatcher()::kick,
                devices(), core.desk(), core.flow()::submit, Platform::exit),
                core.deviceTests(), core.gpio() == null ? null : core.gpio()::pulseRelay);
        ServiceView service = new ServiceView(serviceDesk(),
                core.messages(),
                Lang.of(cfg.kiosk().defaultLanguage().code()), FlowUiAdapter.fxThread());
        // The pad opens over the customer's screen and must see it: their inactivity warning closes the pad.
        FlowUiAdapter.follow(core.flow()::subscribe, core.flow().current(), FlowSnapshot::version,
                service::customerSnapshot);
        view.addLayer(ServiceGesture.target(service::open));
        view.addLayer(service);
        if (cfg.ui().servicePinHashFile().isEmpty()) {
            log.warn("no ui.servicePinHashFile: the service menu cannot be opened until a PIN is set");
        }
    }

    /** Health checks for the service menu besides the printer's: the acceptor, and the cabinet's GPIO when present. */
    private List<Supplier<DeviceHealth>> devices() {
        List<Supplier<DeviceHealth>> checks = new ArrayList<>();
        checks.add(core.acceptor()::checkHealth);
        if (core.gpio() != null) {
            checks.add(core.gpio()::checkHealth);
        }
        return checks;
    }

    /** Counter mode: the cashier's screens in a window, the service menu (and the only exit) behind the PIN. */
    private void startCounter(Stage stage, KioskConfig cfg) {
        ServicePin pin = new ServicePin(cfg.ui().servicePinHashFile(), core.journal().pinGates(), Clock.systemUTC());
        console = new ServiceConsole(new ServiceConsole.Parts(pin, core.journal(), core.dispatcher()::kick,
                List.of(), core.desk(), command -> { }, Platform::exit), core.deviceTests());
        ServiceView service = new ServiceView(serviceDesk(),
                core.messages(),
                Lang.of(cfg.kiosk().defaultLanguage().code()), FlowUiAdapter.fxThread());
        CounterWindow.install(stage, core.counter(), core.messages(), service);
        core.start();
        serveHealthAside();
        stage.show();
        ready(cfg);
    }

    /** Under systemd: the screen is up (READY=1), and the flow thread's watchdog pings start. */
    private void ready(KioskConfig cfg) {
        SdNotify notify = KioskMain.notify;
        notify.send("READY=1", "STATUS=kiosk " + cfg.kiosk().id() + " started");
        core.superviseWith(notify);
        if (notify.enabled()) { // Restart=always starts it again: a catalog from the office applies then (issue 15)
            core.restartForCatalogWith(() -> Platform.runLater(Platform::exit));
        }
    }

    /**
     * The health endpoint (health.listen) starts on a thread of its own: binding and the metrics client's first use
     * must not delay the first frame. Until it answers, a monitor sees "no answer", as during any start.
     */
    private void serveHealthAside() {
        Thread t = new Thread(core::serveHealth, "health-start");
        t.setDaemon(true);
        t.start();
    }

    /** The panel of emulated devices, when the devices are emulated; null with real hardware. */
    private DevicePanel devicePanel() {
        NoteFeeder acceptor = core.billEmulator();
        if (acceptor == null || core.printerEmulator() == null) {
            return null;
        }
        EscPosPrinterEmulator printer = core.printerEmulator();
        DevicePanel panel = new DevicePanel(new DevicePanel.Actions() {
            @Override
            public void insertNote(long rubles) {
                acceptor.insert(Money.rub(rubles));
            }

            @Override
            public void jam() {
                acceptor.jam();
            }

            @Override
            public void cashBoxOut() {
                acceptor.cashBoxOut();
            }

            @Override
            public void clearFault() {
                acceptor.clearFault();
            }

            @Override
            public void paperOut(boolean out) {
                printer.setPaperOut(out);
            }

            @Override
            public boolean hasCabinet() {
                return core.cabinet() != null;
            }

            @Override
            public void door(boolean open) {
                core.cabinet().door(open);
            }

            @Override
            public void cashBoxSwitch(boolean present) {
                core.cabinet().cashBox(present);
            }

            // The SIM buttons: the same hand the end-to-end tests use (PanelSim).
            private final PanelSim sim = new PanelSim(core.simRig());

            @Override
            public List<String> simProfiles() {
                return sim.profiles();
            }

            @Override
            public void insertSim(String profile) {
                sim.insert(profile);
            }

            @Override
            public void removeSim() {
                sim.remove();
            }
        });
        core.scanFeeder().ifPresent(feeder -> panel.enableScanning(s -> feeder.scan(s.text(), s.symbology())));
        if (core.simulator() != null) {
            // The customer's phone: the embedded carrier's newest SMS, so a tester can type the one-time code.
            Consumer<DevicePanel.Sms> phone = panel.enablePhone();
            core.simulator().otp().onSent(sms -> phone.accept(new DevicePanel.Sms(sms.to().pretty(), sms.text())));
        }
        printer.onPrinted(r -> {
            panel.receiptSink().accept(r.text());
            if (r.png() != null) {
                panel.receiptImageSink().accept(r.png());
            }
        });
        return panel;
    }

    private void reportFirstIdleFrame(Scene scene) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (core.flow().current().screen() == Screen.IDLE) {
                scene.removePostLayoutPulseListener(listener[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("cold_start_ms=" + ms);
                System.out.flush();
                Platform.runLater(Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** The service menu's desk: the console's sections, and the fiscal register's when there is one. */
    private ConsoleServiceDesk serviceDesk() {
        ConsoleServiceDesk desk = new ConsoleServiceDesk(console, core.config().numbering());
        return core.fiscalConsole().map(desk::withFiscal).orElse(desk);
    }

    @Override
    public void stop() throws Exception {
        shutDown(true);
    }

    /**
     * {@code systemctl stop} sends SIGTERM, which ends the JVM without JavaFX's {@link #stop()}: this hook closes the
     * same things, so the acceptor is disabled, the journal closed and systemd told STOPPING=1 before the process ends.
     */
    private void stopOnSignal() {
        try {
            shutDown(false);
        } catch (Exception e) {
            log.warn("stopping on a signal: {}", e.toString());
        }
    }

    /** Once, from JavaFX's stop() or from the shutdown hook, whichever comes first. */
    private void shutDown(boolean onFxThread) throws Exception {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        KioskMain.notify.send("STOPPING=1", "STATUS=stopping");
        if (degradedWatchdog != null) {
            degradedWatchdog.close();
        }
        if (view != null && onFxThread) {
            view.dispose();
        }
        if (console != null) {
            console.close();
        }
        if (core != null) {
            core.close();
        }
        if (damagedHealth != null) {
            damagedHealth.close();
        }
        log.info("kiosk stopped");
    }
}
