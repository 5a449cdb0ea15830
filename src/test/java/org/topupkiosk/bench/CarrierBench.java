package org.topupkiosk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * Payments per second through {@link RestCarrierGateway} into the embedded simulator over loopback, sequential and
 * with 8 threads. Prints {@code name=value} lines; the budget (>= 1000/s) lives here, not in a unit test.
 *
 * <pre>java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" org.topupkiosk.bench.CarrierBench [n]</pre>
 */
public final class CarrierBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        byte[] key = "bench-key".getBytes(StandardCharsets.UTF_8);
        try (CarrierSimulator sim = new CarrierSimulator(key)) {
            RestCarrierGateway gw = new RestCarrierGateway(sim.baseUri(), "bench", key, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Clock.systemUTC());
            // Warm-up: JIT, connection, class loading.
            for (int i = 0; i < 1000; i++) {
                gw.pay(payment("warm-" + i, i));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                PaymentResult r = gw.pay(payment("seq-" + i, i));
                if (r.status() != PaymentResult.Status.CONFIRMED) {
                    throw new IllegalStateException("unexpected " + r);
                }
            }
            double seqSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("carrier_pay_per_s=%.0f%n", n / seqSeconds);
            System.out.printf("carrier_pay_mean_ms=%.3f%n", seqSeconds * 1000 / n);

            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long t1 = System.nanoTime();
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    fs.add(pool.submit(() -> gw.pay(payment("par-" + k, k))));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                double parSeconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("carrier_pay_concurrent8_per_s=%.0f%n", n / parSeconds);
            } finally {
                pool.shutdownNow();
            }
            long doubles = sim.ledger().values().stream().filter(e -> e.appliedCount() != 1).count();
            System.out.println("carrier_ledger_entries=" + sim.ledger().size());
            System.out.println("carrier_ledger_not_applied_once=" + doubles);
        }
    }

    private static PaymentRequest payment(String txnId, int i) {
        Msisdn m = Msisdn.of("+7916" + String.format("%07d", i % 10_000_000));
        return new PaymentRequest(txnId, m, "mts", Money.rub(100), null, Instant.now());
    }

    private CarrierBench() {}
}
