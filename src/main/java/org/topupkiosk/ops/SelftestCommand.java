package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Commissioning check: one complete cash top-up through the real flow, journal and outbox, with emulated devices, to
 * whatever carrier endpoint the config names: the embedded simulator, or a provider's test environment
 * ({@code simulator: none} and its {@code url}). It writes the configured journal (so `journal verify` afterwards
 * checks it), and so it refuses a config with any real device and a journal file that already holds anything: test
 * cash must never enter a real journal.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Run one complete cash top-up with emulated devices against the configured carrier endpoint "
                + "(embedded simulator or a provider's test environment) into a fresh journal, and check it.")
public final class SelftestCommand extends KioskctlCommand {

    @Option(names = "--config", description = "Config file (default: ${DEFAULT-VALUE}).")
    Path config = Path.of("kiosk-config/kiosk.yaml");

    @Option(names = "--number", description = "National number to top up (default: ${DEFAULT-VALUE}).")
    String number = "9161234567";

    @Option(names = "--amount", description = "Roubles to put on the balance (default: ${DEFAULT-VALUE}).")
    long amountRub = 300;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return run(out);
        } finally {
            out.flush();
        }
    }

    private int run(PrintWriter out) throws Exception {
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (ConfigException e) {
            out.println("selftest FAILED: configuration: " + e.getMessage());
            return 1;
        }
        KioskConfig cfg = loaded.config();
        List<String> real = realDevices(cfg);
        if (!real.isEmpty()) {
            out.println("selftest FAILED: " + config + " has real devices: " + String.join("; ", real)
                    + ". The selftest runs only with emulated devices, so test cash never enters a real journal");
            return 1;
        }
        String journalProblem = journalProblem(cfg.journal().path());
        if (journalProblem != null) {
            out.println("selftest FAILED: " + journalProblem + ". The selftest needs a fresh journal file (point "
                    + "journal.path at a new file), so test cash never mixes with a real journal");
            return 1;
        }
        out.println("selftest carrier adapter=" + cfg.carrier().adapter().name().toLowerCase(Locale.ROOT)
                + " endpoint=" + (cfg.carrier().simulator() == KioskConfig.Simulator.EMBEDDED ? "embedded-simulator"
                : cfg.carrier().url().map(Object::toString).orElse("-")) + " journal=" + cfg.journal().path());
        try (KioskCore core = new KioskCore(loaded, config,
                new KioskCore.Options(null, CrashPoints.NONE, Clock.systemDefaultZone()))) {
            core.start();
            ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
            customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
            FlowSnapshot cash = customer.startTopUp(number, amountRub);
            customer.insertUntil(cash.cashNeeded(), notesFor(cash.cashNeeded()));
            FlowSnapshot done = customer.payAndConfirm();
            String txn = done.txnId();
            Order order = awaitFinal(core, txn);
            VerifyReport report = core.journal().verify();
            out.println("selftest order txn=" + txn + " number=" + order.msisdn().masked() + " status="
                    + order.status() + " to_balance=" + order.amount().plain() + " fee=" + order.fee().plain()
                    + " receipt=" + done.receipt());
            out.println(report.summary());
            report.violations().forEach(v -> out.println("violation " + v));
            boolean ok = order.status() == OrderStatus.CONFIRMED && report.ok()
                    && done.receipt() == FlowSnapshot.ReceiptState.PRINTED;
            out.println(ok ? "selftest ok" : "selftest FAILED");
            return ok ? 0 : 1;
        } catch (IllegalStateException e) {
            out.println("selftest FAILED: " + e.getMessage());
            return 1;
        }
    }

    /** Every device the config would open for real, as "key is value (expected ...)"; empty when all are emulated. */
    static List<String> realDevices(KioskConfig cfg) {
        List<String> out = new ArrayList<>();
        KioskConfig.Devices d = cfg.devices();
        if (d.billAcceptor().type() != KioskConfig.BillAcceptorType.EMULATOR) {
            out.add("devices.billAcceptor.type is " + lower(d.billAcceptor().type()) + " (expected emulator)");
        }
        if (d.printer().type() != KioskConfig.PrinterType.EMULATOR) {
            out.add("devices.printer.type is " + lower(d.printer().type()) + " (expected emulator)");
        }
        if (d.scanner().type() != KioskConfig.ScannerType.NONE && d.scanner().type() != KioskConfig.ScannerType.EMULATOR) {
            out.add("devices.scanner.type is " + lower(d.scanner().type()) + " (expected emulator or none)");
        }
        if (d.sim().enabled() && !d.sim().simulated()) {
            out.add("devices.sim is a real reader (expected simulated: true or enabled: false)");
        }
        if (cfg.kiosk().mode() != KioskConfig.Mode.KIOSK) {
            out.add("kiosk.mode is " + lower(cfg.kiosk().mode()) + " (expected kiosk: the selftest is a customer at "
                    + "the bill acceptor)");
        }
        return out;
    }

    /** Why {@code journal} is not a fresh file (it exists and holds something), or null. */
    static String journalProblem(Path journal) {
        try {
            if (Files.exists(journal) && Files.size(journal) > 0) {
                return "the journal " + journal + " already exists and holds " + Files.size(journal) + " bytes";
            }
            for (String suffix : new String[] {"-wal", "-journal"}) {
                Path side = journal.resolveSibling(journal.getFileName() + suffix);
                if (Files.exists(side) && Files.size(side) > 0) {
                    return "the journal " + journal + " has a non-empty " + side.getFileName();
                }
            }
            return null;
        } catch (IOException e) {
            return "the journal " + journal + " cannot be examined: " + e.getMessage();
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Greedy notes from 5000 down; the kiosk gives no change, so a little over is fine. */
    static List<Money> notesFor(Money needed) {
        long[] notes = {5000, 1000, 500, 100, 50};
        ArrayList<Money> out = new ArrayList<>();
        long left = needed.minor();
        for (long n : notes) {
            while (left >= n * 100) {
                out.add(Money.rub(n));
                left -= n * 100;
            }
        }
        if (left > 0) {
            out.add(Money.rub(50));
        }
        return out;
    }

    private static Order awaitFinal(KioskCore core, String txn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Order o = core.journal().order(txn).orElseThrow();
            if (o.status() != OrderStatus.PENDING || System.nanoTime() > deadline) {
                return o;
            }
            Thread.sleep(50);
        }
    }
}
