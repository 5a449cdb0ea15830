package org.topupkiosk.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * Commissioning check: one complete cash top-up through the real flow, journal and outbox against the embedded carrier
 * simulator with emulated devices. With a simulation config it writes to the configured journal (so `journal verify`
 * afterwards checks it); with a production config it refuses, since test cash must never enter a real journal.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Run one complete cash top-up against the embedded simulator and check the journal.")
public final class SelftestCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Config file (default: ${DEFAULT-VALUE}).")
    Path config = Path.of("kiosk-config/kiosk.yaml");

    @Option(names = "--number", description = "National number to top up (default: ${DEFAULT-VALUE}).")
    String number = "9161234567";

    @Option(names = "--amount", description = "Roubles to put on the balance (default: ${DEFAULT-VALUE}).")
    long amountRub = 300;

    @Override
    public Integer call() throws Exception {
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.load(config);
        } catch (ConfigException e) {
            System.out.println("selftest FAILED: configuration: " + e.getMessage());
            return 1;
        }
        KioskConfig cfg = loaded.config();
        if (cfg.carrier().simulator() != KioskConfig.Simulator.EMBEDDED
                || cfg.devices().billAcceptor().type() != KioskConfig.BillAcceptorType.EMULATOR) {
            System.out.println("selftest FAILED: " + config + " is not a simulation config (carrier.simulator must be "
                    + "embedded and devices.billAcceptor.type emulator); test cash never goes into a real journal");
            return 1;
        }
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
            System.out.println("selftest order txn=" + txn + " number=" + order.msisdn().masked() + " status="
                    + order.status() + " to_balance=" + order.amount().plain() + " fee=" + order.fee().plain()
                    + " receipt=" + done.receipt());
            System.out.println(report.summary());
            report.violations().forEach(v -> System.out.println("violation " + v));
            boolean ok = order.status() == OrderStatus.CONFIRMED && report.ok()
                    && done.receipt() == FlowSnapshot.ReceiptState.PRINTED;
            System.out.println(ok ? "selftest ok" : "selftest FAILED");
            return ok ? 0 : 1;
        } catch (IllegalStateException e) {
            System.out.println("selftest FAILED: " + e.getMessage());
            return 1;
        }
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
