package org.topupkiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.sync.OutboxDispatcher;
import org.topupkiosk.sync.PaymentPayloads;
import org.topupkiosk.sync.RetryPolicy;

/**
 * Outbox drain after an outage: N payments queued in a real journal file, then the dispatcher sends them to the
 * carrier simulator over loopback and commits the answers. Prints {@code outbox_drain_per_s=} as the median of
 * {@code rounds} rounds, each on a fresh journal, and checks that the carrier applied every payment exactly once.
 * Arguments: [payments=10000] [rounds=3].
 */
public final class OutboxDrainBench {

    private OutboxDrainBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = round(n);
        }
        Arrays.sort(rates);
        System.out.println("outbox_drain_payments=" + n);
        System.out.println("outbox_drain_rounds=" + Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
        System.out.println(String.format(Locale.ROOT, "outbox_drain_per_s=%.0f", rates[rounds / 2]));
    }

    private static double round(int n) throws Exception {
        Path dir = Files.createTempDirectory("drain-bench");
        byte[] key = KioskKey.developmentKey();
        Clock clock = Clock.systemUTC();
        try (CarrierSimulator sim = new CarrierSimulator(0, key, null);
             Journal journal = Journal.open(dir.resolve("journal.db"), "0042", clock)) {
            Random random = new Random(n);
            for (int i = 0; i < n; i++) {
                Msisdn msisdn = Msisdn.of("+7916" + String.format("%07d", random.nextInt(10_000_000)));
                Order o = journal.openOrder("topup", msisdn, "mts", null);
                journal.recordStacked(o.txnId(), Money.rub(100), "bench-" + i);
                PaymentRequest req = new PaymentRequest(o.txnId(), msisdn, "mts", Money.rub(100), null, o.createdAt());
                journal.submit(o.txnId(), Money.rub(100), Money.rubMinor(0), true, PaymentPayloads.toJson(req));
            }
            RestCarrierGateway carrier = new RestCarrierGateway(sim.baseUri(), "0042", key, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), clock);
            try (OutboxDispatcher dispatcher = new OutboxDispatcher(journal, carrier,
                    new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1)), clock,
                    CrashPoints.NONE, 200, 8)) {
                long start = System.nanoTime();
                while (dispatcher.drainOnce() > 0) {
                    // drain until the outbox is empty
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long applied = sim.ledger().values().stream().filter(e -> e.appliedCount() == 1).count();
                long doubled = sim.ledger().values().stream().filter(e -> e.appliedCount() > 1).count();
                if (applied != n || doubled != 0 || journal.outbox().status().pendingCount() != 0) {
                    throw new IllegalStateException("drain incomplete: applied=" + applied + " doubled=" + doubled
                            + " pending=" + journal.outbox().status().pendingCount());
                }
                return n / seconds;
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
