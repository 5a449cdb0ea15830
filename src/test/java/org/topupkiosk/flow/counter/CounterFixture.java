package org.topupkiosk.flow.counter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.FlowFixture;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.ManualFlowExecutor;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.ReceiptComposer;
import org.topupkiosk.service.CashierPinsFile;
import org.topupkiosk.sync.OutboxDispatcher;
import org.topupkiosk.sync.RetryPolicy;

/**
 * The real counter flow over a real journal, carrier simulator (loopback HTTP), ESC/POS driver and printer emulator,
 * and a real cashiers file; the flow thread is manual, so tests step it.
 */
final class CounterFixture implements AutoCloseable {

    static final String ANNA_PIN = "246801";
    static final String BORIS_PIN = "135702";

    final ManualFlowExecutor exec = new ManualFlowExecutor();
    final CarrierSimulator sim;
    final Journal journal;
    final EscPosPrinterEmulator printer;
    final OutboxDispatcher dispatcher;
    final ReceiptDesk desk;
    final CounterFlow flow;
    final Path cashiersFile;
    /** Issue 13: the fiscal register's desk, or null with fiscal registration off. */
    FiscalDesk fiscalDesk;

    CounterFixture(Path dir) throws Exception {
        this(dir, UnaryOperator.identity(), null);
    }

    /** The flow on {@code wrap} of the REST adapter (a narrower gateway, as the OSMP adapter is); the outbox on it too. */
    CounterFixture(Path dir, UnaryOperator<CarrierGateway> wrap) throws Exception {
        this(dir, wrap, null);
    }

    /** Issue 13: with the fiscal register {@code fiscal} makes over the fixture's journal (null: fiscal off). */
    static CounterFixture withFiscal(Path dir, Function<Journal, FiscalDesk> fiscal) throws Exception {
        return new CounterFixture(dir, UnaryOperator.identity(), fiscal);
    }

    CounterFixture(Path dir, UnaryOperator<CarrierGateway> wrap, Function<Journal, FiscalDesk> fiscal)
            throws Exception {
        FlowSettings settings = FlowFixture.settings(false, Money.rub(15000));
        LoadedConfig config = ConfigLoader.load(Path.of("kiosk-config/kiosk.yaml"));
        byte[] key = KioskKey.developmentKey();
        sim = new CarrierSimulator(0, key, null);
        CarrierGateway carrier = wrap.apply(new RestCarrierGateway(sim.baseUri(), settings.kioskId(), key,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.systemUTC()));
        journal = Journal.open(dir.resolve("journal.db"), settings.kioskId(), Clock.systemUTC());
        printer = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        EscPosPrinter escPos = new EscPosPrinter(printer.memoryLink(),
                new ReceiptEncoder(ReceiptEncoder.Options.defaults()), Duration.ofSeconds(1), Duration.ofSeconds(1));
        dispatcher = new OutboxDispatcher(journal, carrier, new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2),
                new Random(1)), Clock.systemUTC(), CrashPoints.NONE, 50, 4);
        desk = new ReceiptDesk(journal, escPos, new ReceiptComposer(new Messages(), settings.receiptKiosk(), settings.receiptColumns(), Clock.systemUTC()),
                Clock.systemUTC());
        cashiersFile = dir.resolve("cashiers.pins");
        CashierPinsFile.add(cashiersFile, "anna", "Анна Петрова", ANNA_PIN.toCharArray(), new SecureRandom());
        CashierPinsFile.add(cashiersFile, "boris", "Boris", BORIS_PIN.toCharArray(), new SecureRandom());
        CashierGate gate = CashierPinsFile.gate(Optional.of(cashiersFile), journal.pinGates(),
                Clock.systemUTC());
        flow = new CounterFlow(exec, Runnable::run, journal, carrier, desk, config.catalog(), config.numbering(),
                settings, dispatcher, gate, true, Clock.systemUTC());
        if (fiscal != null) {
            fiscalDesk = fiscal.apply(journal);
            flow.attachFiscal(fiscalDesk);
        }
        flow.start();
        exec.runPending();
    }

    void cmd(CounterCommand... commands) {
        for (CounterCommand c : commands) {
            flow.submit(c);
            exec.runPending();
        }
    }

    void type(String digits) {
        for (char c : digits.toCharArray()) {
            cmd(new CounterCommand.Digit(c - '0'));
        }
    }

    CounterSnapshot snap() {
        exec.runPending();
        return flow.current();
    }

    CounterSnapshot await(Predicate<CounterSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            exec.runPending();
            if (p.test(flow.current())) {
                return flow.current();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("counter never reached the expected state; now " + flow.current());
    }

    CounterSnapshot awaitScreen(CounterScreen s) throws InterruptedException {
        return await(x -> x.screen() == s);
    }

    void login(String cashier, String pin) throws InterruptedException {
        cmd(new CounterCommand.ChooseCashier(cashier), new CounterCommand.EnterPin(pin.toCharArray()));
        await(x -> x.screen() != CounterScreen.PIN || x.message() != null
                && !"counter.pin.checking".equals(x.message().key()));
    }

    /** Logs anna in, opens a shift if none is open, and stands on the number screen. */
    void ready() throws InterruptedException {
        login("anna", ANNA_PIN);
        if (snap().screen() == CounterScreen.SHIFT) {
            cmd(new CounterCommand.OpenShift());
        }
        awaitScreen(CounterScreen.NUMBER);
    }

    /** Number, check, amount: stands on the cash-received screen. */
    void toReceived(String national, String amountRub) throws InterruptedException {
        type(national);
        cmd(new CounterCommand.Next());
        awaitScreen(CounterScreen.AMOUNT);
        type(amountRub);
        cmd(new CounterCommand.Next());
        awaitScreen(CounterScreen.RECEIVED);
    }

    void drain() throws InterruptedException {
        dispatcher.drainOnce();
        exec.runPending();
    }

    long auditRows(String kind) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + journal.file());
             var st = c.prepareStatement("SELECT count(*) FROM audit WHERE kind = ?")) {
            st.setString(1, kind);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String auditData(String kind) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + journal.file());
             var st = c.prepareStatement("SELECT data FROM audit WHERE kind = ? ORDER BY seq DESC LIMIT 1")) {
            st.setString(1, kind);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public void close() throws Exception {
        desk.close();
        dispatcher.close();
        journal.close();
        sim.close();
        Files.deleteIfExists(cashiersFile);
    }
}
