package org.topupkiosk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.app.systemd.SdNotify;
import org.topupkiosk.app.systemd.Watchdog;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.ObservedBillAcceptor;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.emulator.NoteFeeder;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.emulator.scanner.CodeFeeder;
import org.topupkiosk.device.emulator.sim.VirtualSimRig;
import org.topupkiosk.device.gpio.CabinetSimulator;
import org.topupkiosk.device.gpio.KioskGpio;
import org.topupkiosk.device.printer.ReceiptPrinter;
import org.topupkiosk.device.scanner.CodeScanner;
import org.topupkiosk.device.sim.SimCardReader;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.fleet.kiosk.FleetAgent;
import org.topupkiosk.flow.TopUpFlow;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.ScannerControl;
import org.topupkiosk.flow.core.ThreadFlowExecutor;
import org.topupkiosk.flow.counter.CounterFlow;
import org.topupkiosk.flow.counter.CounterScreen;
import org.topupkiosk.flow.fiscalshift.FiscalShifts;
import org.topupkiosk.health.FiscalHealth;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.DamagedJournalException;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.ReceiptComposer;
import org.topupkiosk.service.BillAcceptorTest;
import org.topupkiosk.service.CashierPinsFile;
import org.topupkiosk.service.DeviceTest;
import org.topupkiosk.service.FiscalConsole;
import org.topupkiosk.service.PrinterTest;
import org.topupkiosk.sync.OutboxDispatcher;
import org.topupkiosk.sync.RetryPolicy;

/**
 * The composition root without a screen: configuration in, a running flow out. The JavaFX app, the self-test, the
 * chaos harness and the benchmarks all build the kiosk through here, so they run the same graph. No singletons:
 * everything is made once, here, and handed down through constructors.
 */
public final class KioskCore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskCore.class);

    /**
     * How the embedding program bends the configured graph (tests, chaos). Nulls mean "as configured".
     *
     * @param billAcceptorTiming poll and timeout settings of the CCNET driver (tests poll faster than a kiosk)
     */
    public record Options(URI carrierUrl, CrashPoints crash, Clock clock, PollSettings billAcceptorTiming) {
        public Options(URI carrierUrl, CrashPoints crash, Clock clock) {
            this(carrierUrl, crash, clock, PollSettings.DEFAULTS);
        }

        public static Options defaults() {
            return new Options(null, CrashPoints.NONE, Clock.systemDefaultZone());
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final LoadedConfig loaded;
    private final Path varDir;
    private final Journal journal;
    private final CarrierSimulator simulator;
    private final CarrierGateway carrier;
    private final KioskDevices devices;
    private final OutboxDispatcher dispatcher;
    /** Issue 13: the fiscal register and its keepers, or null with {@code fiscal.register: none}. */
    private KioskFiscal fiscal;
    private final ReceiptDesk desk;
    private final TopUpFlow flow;
    private final CounterFlow counter;
    private final Messages messages;
    /** The flow's one thread, kiosk or counter: the health endpoint's heartbeat runs on it. */
    private final ThreadFlowExecutor flowThread;
    private boolean closed;
    /** Issue 15: the kiosk in the fleet, or null with {@code fleet.enabled: false}; connected by {@link #start()}. */
    private KioskFleet fleet;

    public KioskCore(LoadedConfig loaded, Path configFile, Options options) throws ConfigException {
        this.loaded = loaded;
        KioskConfig cfg = loaded.config();
        Clock clock = options.clock();
        Path journalFile = cfg.journal().path();
        this.varDir = journalFile.toAbsolutePath().getParent();
        long t0 = System.nanoTime();
        long tJournal;
        long tCarrier;
        try {
            this.journal = own(Journal.open(journalFile, cfg.kiosk().id(), clock));
            requireSound(journal);
            tJournal = System.nanoTime();
            byte[] key = KioskCarrier.key(cfg, configFile);
            URI carrierUrl = options.carrierUrl();
            if (carrierUrl == null && cfg.carrier().simulator() == KioskConfig.Simulator.EMBEDDED) {
                Path ledger = varDir.resolve("carrier-sim/ledger.jsonl");
                Files.createDirectories(ledger.getParent());
                this.simulator = own(new CarrierSimulator(0, key, ledger));
                carrierUrl = simulator.baseUri();
                log.info("embedded carrier simulator at {}", carrierUrl);
            } else {
                this.simulator = null;
                if (carrierUrl == null) {
                    carrierUrl = KioskCarrier.endpoint(cfg);
                }
            }
            // Options.carrierUrl, when given, is the adapter's endpoint itself; the embedded simulator serves both.
            this.carrier = KioskCarrier.gateway(cfg, configFile, simulator != null ? KioskCarrier.endpoint(cfg, simulator) : carrierUrl,
                    key, clock);
            tCarrier = System.nanoTime();
            this.devices = new KioskDevices(cfg, configFile, varDir, options.billAcceptorTiming(), journal, this::own);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("kiosk could not start: " + e.getMessage(), e);
        } catch (DamagedJournalException e) {
            close();
            throw e;
        }
        this.messages = new Messages();
        FlowSettings settings = flowSettings(cfg);
        ReceiptComposer composer = new ReceiptComposer(messages, settings.receiptKiosk(), settings.receiptColumns(), clock);
        this.desk = own(new ReceiptDesk(journal, devices.printer, composer, clock));
        this.dispatcher = own(new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(cfg.sync().initialBackoffMs()),
                        Duration.ofMillis(cfg.sync().maxBackoffMs()), new Random()),
                clock, options.crash(), cfg.sync().batchSize(), 8));
        this.flowThread = own(new ThreadFlowExecutor());
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flow-io");
            t.setDaemon(true);
            return t;
        });
        closeables.add(io::shutdownNow);
        this.flow = new TopUpFlow(flowThread, io, journal, carrier, devices.acceptor, desk, loaded.catalog(),
                loaded.numbering(), settings, dispatcher, options.crash(), clock);
        // The flow arms the scanner on the screens that take a code; each reading comes back to it as a command.
        devices.scanner.ifPresent(sc -> {
            sc.setListener(reading -> flow.submit(new FlowCommand.CodeScanned(reading.meaning())));
            flow.attachScanner(new ScannerControl() {
                @Override
                public void arm() {
                    sc.arm();
                }

                @Override
                public void disarm() {
                    sc.disarm();
                }
            });
        });
        // Find my number: the flow arms the SIM reader on the screens that take a card (see start() for its events).
        if (devices.simReader != null) {
            flow.attachSimReader(KioskDevices.simControl(devices.simReader));
        }
        this.counter = cfg.kiosk().mode() != KioskConfig.Mode.COUNTER ? null
                : new CounterFlow(flowThread, io, journal, carrier, desk, loaded.catalog(), loaded.numbering(),
                        settings, dispatcher, CashierPinsFile.gate(cfg.counter().cashiersFile(),
                        journal.pinGates(), clock), cfg.counter().cashDrawer(), clock);
        // Issue 13: the fiscal register every payment is registered on (none: nothing registered, as before).
        try {
            this.fiscal = KioskFiscal.build(loaded, configFile, varDir, journal, options.crash(), clock,
                    this::customerPaying);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("fiscal register could not start: " + e.getMessage(), e);
        }
        if (fiscal != null) {
            own(fiscal);
            if (counter != null) {
                counter.attachFiscal(fiscal.desk);
            } else {
                flow.attachFiscal(fiscal.desk);
            }
        }
        // Issue 15: the fleet's settings are read now, so a bad secrets file or office key stops the start.
        try {
            this.fleet = KioskFleet.prepare(this, configFile).orElse(null);
        } catch (ConfigException e) {
            close();
            throw e;
        }
        long tEnd = System.nanoTime();
        log.info("core built ms={} journal_ms={} carrier_ms={} devices_and_flow_ms={}", (tEnd - t0) / 1_000_000,
                (tJournal - t0) / 1_000_000, (tCarrier - tJournal) / 1_000_000, (tEnd - tCarrier) / 1_000_000);
    }

    /**
     * Whether a customer is between paying and the receipt, so the shift keeper holds its Z report: at the kiosk any
     * session or money in, at the counter cash in the cashier's hand.
     */
    private boolean customerPaying() {
        if (counter != null) {
            CounterScreen screen = counter.current().screen();
            return screen == CounterScreen.RECEIVED || screen == CounterScreen.PAYING
                    || screen == CounterScreen.RETURN_CASH;
        }
        return FiscalShifts.paying(flow.current());
    }

    /** The fiscal register's reading for /health and /metrics; empty with {@code fiscal.register: none}. */
    public Optional<FiscalHealth> fiscalHealth() {
        return Optional.ofNullable(fiscal).map(f -> f.health(Clock.systemUTC()));
    }

    /** The service menu's fiscal section; empty with {@code fiscal.register: none}. */
    public Optional<FiscalConsole> fiscalConsole() {
        return Optional.ofNullable(fiscal).map(f -> f.console(Clock.systemDefaultZone()));
    }

    /** The emulated register in simulation mode (device panel, tests), or empty. */
    public Optional<ShtrihEmulator> fiscalEmulator() {
        return Optional.ofNullable(fiscal).map(f -> f.emulator);
    }

    /**
     * {@code PRAGMA quick_check} before anything takes cash: a damaged journal stops the start with
     * {@link DamagedJournalException}, which the app shows as an out-of-service screen, not as a configuration error.
     */
    private static void requireSound(Journal journal) {
        List<String> problems = journal.quickCheck();
        if (!problems.isEmpty()) {
            log.error("journal {} failed quick_check: {}", journal.file(), problems);
            throw new DamagedJournalException(journal.file(), problems, null);
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        closeables.add(resource);
        return resource;
    }

    private static FlowSettings flowSettings(KioskConfig cfg) {
        return new FlowSettings(
                cfg.kiosk().id(),
                cfg.kiosk().address(),
                cfg.kiosk().supportPhone().orElse(""),
                Lang.of(cfg.kiosk().defaultLanguage().code()),
                cfg.devices().printer().columns(),
                cfg.sales().orderCashLimit(),
                cfg.sales().acceptedNotes(),
                cfg.sales().offlineSalesAllowed(),
                cfg.sales().offlineLimit(),
                Duration.ofSeconds(cfg.timeouts().inactivityWarningSeconds()),
                Duration.ofSeconds(cfg.timeouts().inactivityCountdownSeconds()),
                Duration.ofSeconds(cfg.timeouts().carrierCheckSeconds()),
                Duration.ofMillis(cfg.carrier().submitWaitMs()),
                Duration.ofSeconds(20),
                cfg.receipt().lookupUrl().orElse(null));
    }

    /**
     * Starts syncing and the flow (which resumes what the journal holds): the counter flow in counter mode, else the
     * kiosk flow. Never both: each resumes the journal's open order its own way.
     */
    public void start() {
        dispatcher.start();
        if (fiscal != null) {
            fiscal.start();
        }
        if (counter != null) {
            counter.start();
        } else {
            flow.start();
        }
        devices.startGpio(flow);
        if (fleet != null) {
            own(fleet.start()); // closed before the flow thread: a clean stop says goodbye (online=false) itself
        }
        SimCardReader simReader = devices.simReader;
        if (simReader != null && counter == null) {
            // Find my number: the reader's events go to the flow, which enables the reader on the screens that take
            // a card (and drops what comes late).
            simReader.start(flow::simEvent);
        } else if (simReader != null) {
            // The counter has no find-my-number screen: the reader only watches the slot and reads nothing.
            simReader.start(e -> log.info("sim event={} reader=\"{}\"", e.getClass().getSimpleName(), e.reader()));
        }
    }

    /**
     * Under systemd ({@code Type=notify}): {@code WATCHDOG=1} from a timer on the flow thread while that thread
     * answers, and what the kiosk shows as {@code STATUS=}. A no-op when {@code notify} is off. Stopped by
     * {@link #close()}, before the flow thread.
     */
    public void superviseWith(SdNotify notify) {
        own(Watchdog.start(notify, flowThread, this::status));
    }

    /** One line for {@code systemctl status}: the kiosk, its screen, and whether the carrier answers. */
    private String status() {
        String id = loaded.config().kiosk().id();
        if (counter != null) {
            return "counter " + id;
        }
        FlowSnapshot s = flow.current();
        return "kiosk " + id + ": screen " + s.screen() + (s.offline() ? ", carrier offline" : "");
    }

    /**
     * Starts the health endpoint on {@code health.listen} ({@code /health}, {@code /metrics}; docs/operations.md),
     * after {@link #start()}, from any thread; it closes with the core (after {@link #close()} it starts nothing).
     * Returns the bound address, or empty when the config says {@code off} or the address cannot be bound (logged as
     * an alarm: the kiosk sells on). The app calls this; tests and tools that build a core bind nothing unless they
     * ask.
     */
    public synchronized Optional<InetSocketAddress> serveHealth() {
        return loaded.config().health().listen()
                .flatMap(address -> serveHealth(address, KioskHealthEndpoint.PRINTER_EVERY));
    }

    /** As {@link #serveHealth()} on {@code address} (port 0: any free one), asking the printer at most so often. */
    synchronized Optional<InetSocketAddress> serveHealth(InetSocketAddress address, Duration printerEvery) {
        if (closed) {
            return Optional.empty(); // started late, from another thread, after the app closed the core
        }
        return KioskHealthEndpoint.start(this, flowThread, address, printerEvery).map(this::own)
                .map(KioskHealthEndpoint::address);
    }

    /**
     * Issue 15: how the app restarts the kiosk (under systemd, which starts it again), so a catalog the office sent
     * takes effect as soon as no customer is in a session. Without it a new catalog waits for the next start.
     */
    public void restartForCatalogWith(Runnable restart) {
        if (fleet != null) {
            fleet.restartWith(restart);
        }
    }

    /** Issue 15: the fleet agent, once {@link #start()} started it with {@code fleet.enabled: true}; else empty. */
    public Optional<FleetAgent> fleetAgent() {
        return Optional.ofNullable(fleet).map(KioskFleet::agent);
    }

    /** The SIM card reader, or null when the config has none. */
    public SimCardReader simReader() {
        return devices.simReader;
    }

    /** Simulation: the virtual SIM and the hand that inserts it (device panel, tests); null otherwise. */
    public VirtualSimRig simRig() {
        return devices.simRig;
    }

    /** The counter terminal's flow in counter mode ({@code kiosk.mode: counter}), else null. */
    public CounterFlow counter() {
        return counter;
    }

    public TopUpFlow flow() {
        return flow;
    }

    public Journal journal() {
        return journal;
    }

    public Messages messages() {
        return messages;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    /** Receipts: the service menu's reprint and printer test go through here, on the printer's thread. */
    public ReceiptDesk desk() {
        return desk;
    }

    public BillAcceptor acceptor() {
        return devices.acceptor;
    }

    /** The code scanner, when devices.scanner has one; started; the flow is its listener and arms it on the screens that take a code. */
    public Optional<CodeScanner> scanner() {
        return devices.scanner;
    }

    /** The scanner emulator the device panel scans with (simulation only). */
    public Optional<CodeFeeder> scanFeeder() {
        return devices.scanFeeder;
    }

    /** The acceptor's events for the service menu's device test (the flow stays the one that decides). */
    public ObservedBillAcceptor acceptorEvents() {
        return devices.acceptor;
    }

    /** The service menu's device tests: the bill acceptor (notes enabled for 30 s, each returned) and the printer. */
    public List<DeviceTest> deviceTests() {
        if (counter != null) {
            return List.of(new PrinterTest(desk));
        }
        return List.of(new BillAcceptorTest(devices.acceptor, Duration.ofSeconds(30)), new PrinterTest(desk));
    }

    /** The emulated bill acceptor's slot in simulation mode (device panel, self-test, scripted customer); else null. */
    public NoteFeeder billEmulator() {
        return devices.billEmulator;
    }

    /** The cabinet's GPIO, or null where there is none (not a Pi, or {@code gpio.enabled: off}). */
    public KioskGpio gpio() {
        return devices.gpio;
    }

    /** The simulated cabinet's door and cash-box switches (device panel, tests), or null with real or no GPIO. */
    public CabinetSimulator cabinet() {
        return devices.cabinet;
    }

    public ReceiptPrinter printer() {
        return devices.printer;
    }

    /** The emulated printer behind {@link #printer()} in simulation mode, or null with a real printer. */
    public EscPosPrinterEmulator printerEmulator() {
        return devices.printerEmulator;
    }

    /** The in-process simulator in simulation mode, or null. */
    public CarrierSimulator simulator() {
        return simulator;
    }

    public Path varDir() {
        return varDir;
    }

    public LoadedConfig config() {
        return loaded;
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<AutoCloseable> reversed = new ArrayList<>(closeables);
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("close failed for {}", c, e);
            }
        }
        closeables.clear();
    }
}
