package org.topupkiosk.flow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ManualFlowExecutor;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.ReceiptComposer;
import org.topupkiosk.sync.OutboxDispatcher;
import org.topupkiosk.sync.RetryPolicy;
import org.topupkiosk.testing.SettableClock;

/**
 * The real flow, journal (SQLite file), REST adapter and carrier simulator (loopback HTTP), with a manual flow thread
 * and a fake acceptor, so tests drive every transition and timeout deterministically.
 */
public final class FlowFixture implements AutoCloseable {

    static final List<Money> NOTES = List.of(Money.rub(50), Money.rub(100), Money.rub(200), Money.rub(500),
            Money.rub(1000), Money.rub(2000), Money.rub(5000));

    final ManualFlowExecutor exec = new ManualFlowExecutor();
    final FakeBillAcceptor acceptor = new FakeBillAcceptor();
    final List<Runnable> heldIo = new ArrayList<>();
    final Path dir;
    final CarrierSimulator sim;
    final RestCarrierGateway carrier;
    final Journal journal;
    /** The emulated printer's switches (paper out, cover open) and what it printed. */
    final EscPosPrinterEmulator printer;
    /** The real ESC/POS driver the desk prints through, over the in-memory link. */
    final EscPosPrinter escPos;
    final OutboxDispatcher dispatcher;
    final ReceiptDesk desk;
    final FlowSettings settings;
    final LoadedConfig config;
    /** The flow's clock: the machine's until a test fixes the day (dated promotions). */
    final SettableClock clock = new SettableClock();
    boolean holdIo;
    TopUpFlow flow;
    /**
     * The gateway {@link #newFlow} builds the flow on: the REST adapter itself, or a test's wrapper of it (a narrower
     * set of capabilities, as the OSMP adapter has). The outbox always sends through {@link #carrier}.
     */
    CarrierGateway gateway;

    /** Issue 13: the fiscal register the next {@link #newFlow()} registers on; null: fiscal registration off. */
    FiscalDesk fiscal;

    FlowFixture(Path dir) throws Exception {
        this(dir, settings(true, Money.rub(15000)));
    }

    FlowFixture(Path dir, FlowSettings settings) throws Exception {
        this(dir, settings, Clock.systemUTC());
    }

    /** With the carrier simulator on {@code simClock}, so a test can let one-time codes and tokens expire. */
    FlowFixture(Path dir, FlowSettings settings, Clock simClock) throws Exception {
        this(dir, settings, simClock, Path.of("kiosk-config/kiosk.yaml"));
    }

    /** On the configuration in {@code configFile} (its catalog and numbering plan). */
    FlowFixture(Path dir, FlowSettings settings, Clock simClock, Path configFile) throws Exception {
        this.dir = dir;
        this.settings = settings;
        this.config = ConfigLoader.load(configFile);
        byte[] key = KioskKey.developmentKey();
        this.sim = new CarrierSimulator(0, Map.of(), key, null, simClock);
        this.carrier = new RestCarrierGateway(sim.baseUri(), settings.kioskId(), key, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Clock.systemUTC());
        this.journal = Journal.open(dir.resolve("journal.db"), settings.kioskId(), Clock.systemUTC());
        this.printer = new EscPosPrinterEmulator(dir.resolve("receipts"), EscPosPrinterEmulator.PAPER_80MM_DOTS);
        this.escPos = new EscPosPrinter(printer.memoryLink(), new ReceiptEncoder(ReceiptEncoder.Options.defaults()),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        this.dispatcher = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), new Random(1)), Clock.systemUTC(),
                CrashPoints.NONE, 50, 4);
        this.desk = new ReceiptDesk(journal, escPos, new ReceiptComposer(new Messages(), settings.receiptKiosk(), settings.receiptColumns(), Clock.systemUTC()),
                Clock.systemUTC());
        this.gateway = carrier;
        this.flow = newFlow();
    }

    public static FlowSettings settings(boolean offlineAllowed, Money orderCashLimit) {
        return new FlowSettings("0042", "Moscow, Tverskaya 1", "+7 800 000-00-00", Lang.RU, 42, orderCashLimit, NOTES,
                offlineAllowed, Money.rub(3000), Duration.ofSeconds(60), Duration.ofSeconds(15),
                Duration.ofSeconds(15), Duration.ofSeconds(8), Duration.ofSeconds(20), "https://topup.example/t/");
    }

    /** A new flow over the same journal: what a restart of the process looks like to the flow. */
    TopUpFlow newFlow() {
        Executor io = task -> {
            if (holdIo) {
                heldIo.add(task);
            } else {
                task.run();
            }
        };
        TopUpFlow f = new TopUpFlow(exec, io, journal, gateway, acceptor, desk, config.catalog(), config.numbering(),
                settings, dispatcher, CrashPoints.NONE, clock);
        if (fiscal != null) {
            f.attachFiscal(fiscal);
        }
        f.start();
        exec.runPending();
        return f;
    }

    void cmd(FlowCommand... commands) {
        for (FlowCommand c : commands) {
            flow.submit(c);
            exec.runPending();
        }
    }

    void type(String digits) {
        for (char c : digits.toCharArray()) {
            cmd(new FlowCommand.Digit(c - '0'));
        }
    }

    FlowSnapshot snap() {
        exec.runPending();
        return flow.current();
    }

    /** Runs the flow thread until the snapshot matches; the printer works on its own thread. */
    FlowSnapshot await(Predicate<FlowSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            exec.runPending();
            if (p.test(flow.current())) {
                return flow.current();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("flow never reached the expected state; now " + flow.current());
    }

    FlowSnapshot awaitScreen(Screen s) throws InterruptedException {
        return await(x -> x.screen() == s);
    }

    void drain() throws InterruptedException {
        dispatcher.drainOnce();
        exec.runPending();
    }

    /** Walks a customer from idle to the cash screen for this number and amount. */
    void toCashInsertion(String national, String amountRub) throws InterruptedException {
        cmd(new FlowCommand.Start(), new FlowCommand.SetLanguage(Lang.EN),
                new FlowCommand.ChooseService(Service.TOPUP), new FlowCommand.Next());
        type(national);
        cmd(new FlowCommand.Next());
        awaitScreen(Screen.OPERATOR_CONFIRM);
        cmd(new FlowCommand.Next());
        type(amountRub);
        cmd(new FlowCommand.Next());
        awaitScreen(Screen.CASH_INSERTION);
    }

    /** The device takes a note: escrow, the flow says stack, then stacked. */
    void insert(long rub, String noteId) {
        acceptor.raise(new BillEvent.Escrowed(Money.rub(rub)));
        exec.runPending();
        if ("stack".equals(acceptor.lastCommand())) {
            acceptor.raise(new BillEvent.Stacked(Money.rub(rub), noteId));
            exec.runPending();
        }
    }

    @Override
    public void close() {
        desk.close();
        dispatcher.close();
        journal.close();
        sim.close();
    }
}
