package org.topupkiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.ops.ScriptedCustomer;

/**
 * From the validator entering "stacked" (the emulator, in simulation mode over the in-memory line) to the flow's
 * snapshot showing the new total, which the flow publishes only after the journal commit. The driver learns of the
 * note at its next POLL, so the budget is the poll interval plus 20 ms for the pending-note fsync, the SQLite commit
 * and the flow thread. Prints name=value lines.
 *
 * <p>Arguments: notes var-dir
 */
public final class CashLatencyBench {

    public static void main(String[] args) throws Exception {
        int notes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "var/bench-cash"));
        Path configFile = Path.of("kiosk-config/kiosk.yaml");
        LoadedConfig loaded = ConfigLoader.load(configFile);
        KioskConfig c = loaded.config();
        KioskConfig changed = new KioskConfig(c.kiosk(), new KioskConfig.Journal(dir.resolve("journal.db")),
                c.carrier(), c.sales(), c.timeouts(), c.sync(), c.devices(), c.ui(), c.catalogFile(), c.numberingFile());
        PollSettings timing = PollSettings.DEFAULTS;
        ConcurrentLinkedQueue<Long> stackedAt = new ConcurrentLinkedQueue<>();
        List<Long> latencies = new ArrayList<>();
        try (KioskCore core = new KioskCore(new LoadedConfig(changed, loaded.catalog(), loaded.numbering()), configFile,
                new KioskCore.Options(null, CrashPoints.NONE, Clock.systemUTC(), timing))) {
            CcnetEmulator validator = (CcnetEmulator) core.billEmulator();
            validator.onNoteStacked(m -> stackedAt.add(System.nanoTime()));
            List<Long> shownAt = new ArrayList<>();
            Money[] last = {Money.ZERO_RUB};
            core.flow().subscribe(s -> {
                if (s.screen() == Screen.CASH_INSERTION && s.cashInserted().greaterThan(last[0])) {
                    last[0] = s.cashInserted();
                    synchronized (shownAt) {
                        shownAt.add(System.nanoTime());
                        shownAt.notifyAll();
                    }
                }
            });
            core.start();
            ScriptedCustomer customer = new ScriptedCustomer(core.flow(), validator);
            customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
            customer.startTopUp("9161234567", 14000);
            for (int i = 0; i < notes; i++) {
                int seen;
                synchronized (shownAt) {
                    seen = shownAt.size();
                }
                validator.insert(Money.rub(100));
                synchronized (shownAt) {
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (shownAt.size() == seen && System.currentTimeMillis() < deadline) {
                        shownAt.wait(100);
                    }
                    if (shownAt.size() == seen) {
                        throw new IllegalStateException("note " + i + " never showed on screen");
                    }
                    long latency = shownAt.get(seen) - stackedAt.poll();
                    if (i >= WARMUP) {
                        latencies.add(latency);
                    }
                }
            }
            FlowSnapshot s = core.flow().current();
            if (!s.cashInserted().equals(core.journal().order(s.txnId()).orElseThrow().cash())) {
                throw new IllegalStateException("screen and journal disagree");
            }
        }
        long[] ms = latencies.stream().mapToLong(n -> n / 1_000).sorted().toArray(); // microseconds
        double p50 = ms[ms.length / 2] / 1000.0;
        double p99 = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)] / 1000.0;
        long poll = timing.pollWhileEnabled().toMillis();
        System.err.println("latencies_us=" + list(ms));
        System.out.println("cash_notes=" + latencies.size());
        System.out.println("cash_poll_interval_ms=" + poll);
        System.out.printf("cash_stacked_to_screen_p95_ms=%.1f%n", ms[(int) Math.ceil(ms.length * 0.95) - 1] / 1000.0);
        System.out.printf("cash_stacked_to_screen_p50_ms=%.1f%n", p50);
        System.out.printf("cash_stacked_to_screen_p99_ms=%.1f%n", p99);
        System.out.printf("cash_stacked_to_screen_max_ms=%.1f%n", ms[ms.length - 1] / 1000.0);
        System.out.println("cash_p99_beyond_poll_ms=" + String.format("%.1f", p99 - poll));
        System.out.println("cash_within_budget=" + (p99 <= poll + 20));
        System.exit(0);
    }

    /** The first notes pay for class loading, JIT and SQLite's first pages; they are not what a customer sees. */
    private static final int WARMUP = 5;

    private CashLatencyBench() {}

    static String list(long[] v) {
        return Arrays.toString(v);
    }
}
