package org.topupkiosk.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The fleet at scale on one machine: N light kiosks ({@link BenchKiosk}, Paho clients in this JVM) publishing through
 * Mosquitto to the office, which runs in a child JVM of its own ({@link OfficeProcess}). Each kiosk makes a sale every
 * 10 to 30 s (a payment event and the changed state) and sends its state at least every 60 s. After all kiosks are
 * connected and a warm-up, the counters are reset (here and the office's) and the run is measured for
 * {@code --seconds}.
 *
 * <p>Prints name=value lines: state changes per second, states and heartbeats, the latency from a kiosk's state change
 * (StateMessage.timestamp) to the office's view model (the office's GET /api/stats) and to a plain subscriber
 * ({@link LatencyProbe}, the broker's share), and the office's resident memory (VmRSS, VmHWM). One round per run;
 * scripts/fleet-bench runs several and takes medians.
 *
 * <p>Arguments: [--kiosks N] [--seconds S] [--broker URL] [--warm S] [--no-office] [--office-jvm OPTION]...
 */
public final class FleetBench {

    /** scripts/fleet-hq's entry point: the office as an operator starts it. */
    static final String OFFICE_MAIN = "org.topupkiosk.fleet.office.FleetHqMain";

    public static void main(String[] args) throws Exception {
        int kiosks = 1000;
        int seconds = 60;
        int warm = 10;
        String broker = null;
        boolean office = true;
        long[] saleEvery = {10_000, 30_000};
        // The office as scripts/fleet-hq starts it: no JVM options unless given here.
        List<String> officeJvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kiosks" -> kiosks = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--broker" -> broker = args[++i];
                case "--no-office" -> office = false;
                case "--office-jvm" -> officeJvm.add(args[++i]);
                case "--sale-every" -> {
                    String[] mm = args[++i].split("-");
                    saleEvery = new long[]{Long.parseLong(mm[0]) * 1000, Long.parseLong(mm[mm.length - 1]) * 1000};
                }
                default -> {
                    System.err.println("usage: FleetBench [--kiosks N] [--seconds S] [--broker URL] [--warm S]"
                            + " [--no-office] [--office-jvm OPTION]... [--sale-every MIN-MAX seconds, default 10-30]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("fleet-bench");
        MosquittoBroker own = null;
        if (broker == null) {
            // The fixture's broker, with its debug log cut down to errors: 1,000 kiosks would write it by the megabyte.
            own = MosquittoBroker.start(dir.resolve("mosquitto"), List.of("allow_anonymous true", "log_type none",
                    "log_type error", "log_type warning", "max_queued_messages 1000"));
            broker = own.url();
        }
        try {
            run(broker, kiosks, seconds, warm, office ? officeJvm : null, dir, saleEvery);
        } finally {
            if (own != null) {
                own.stop();
            }
        }
        System.exit(0);
    }

    private static void run(String broker, int n, int seconds, int warm, List<String> officeJvm, Path dir,
                            long[] saleEvery) throws Exception {
        FleetTopics topics = FleetTopics.standard();
        OfficeProcess office = null;
        if (officeJvm != null) {
            int port = freePort();
            office = new OfficeProcess(officeJvm, List.of(OFFICE_MAIN, "--broker", broker, "--listen",
                    "127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port), dir.resolve("office.log"));
            office.awaitUp(Duration.ofSeconds(60));
        }
        FleetStats stats = new FleetStats();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-clock");
            t.setDaemon(true);
            return t;
        });
        List<BenchKiosk> fleet = new ArrayList<>();
        try (LatencyProbe probe = new LatencyProbe(broker, topics)) {
            long t0 = System.nanoTime();
            CountDownLatch connected = new CountDownLatch(n);
            for (int i = 1; i <= n; i++) {
                BenchKiosk k = new BenchKiosk(String.format("B-%04d", i), topics, broker, clock, stats);
                fleet.add(k);
                k.connect(() -> {
                    k.publishState();
                    schedule(k, clock, saleEvery);
                    connected.countDown();
                });
                if (i % 50 == 0) {
                    Thread.sleep(100); // a connect storm of 500 a second, as after a broker restart
                }
            }
            if (!connected.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException((connected.getCount()) + " kiosks did not connect within 120 s: "
                        + stats.firstFailures());
            }
            System.out.println("fleet_connect_all_ms=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            Thread.sleep(warm * 1000L);
            stats.reset();
            probe.latencies.reset();
            if (office != null) {
                office.resetStats();
            }
            long m0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double secs = (System.nanoTime() - m0) / 1e9;
            JsonNode officeStats = office == null ? null : office.stats();
            report(n, secs, stats, probe, office, officeStats);
        } finally {
            clock.shutdownNow();
            for (BenchKiosk k : fleet) {
                k.disconnect();
            }
            if (office != null) {
                office.close();
            }
        }
    }

    /** A sale every 10 to 30 s (ms bounds given), the state at least every 60 s, each kiosk at its own phase. */
    private static void schedule(BenchKiosk k, ScheduledExecutorService clock, long[] saleEvery) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        clock.scheduleAtFixedRate(k::publishState, r.nextLong(60_000), 60_000, TimeUnit.MILLISECONDS);
        nextSale(k, clock, saleEvery);
    }

    private static void nextSale(BenchKiosk k, ScheduledExecutorService clock, long[] saleEvery) {
        long delay = ThreadLocalRandom.current().nextLong(saleEvery[0], saleEvery[1] + 1);
        clock.schedule(() -> {
            k.sale();
            nextSale(k, clock, saleEvery);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static void report(int n, double secs, FleetStats stats, LatencyProbe probe, OfficeProcess office,
                               JsonNode officeStats) throws IOException {
        System.out.println("fleet_kiosks=" + n);
        System.out.println("fleet_seconds=" + String.format(Locale.ROOT, "%.1f", secs));
        System.out.println("fleet_state_changes_per_s=" + String.format(Locale.ROOT, "%.1f", stats.changes() / secs));
        System.out.println("fleet_states_per_s=" + String.format(Locale.ROOT, "%.1f",
                (stats.changes() + stats.heartbeats()) / secs));
        System.out.println("fleet_events_per_s=" + String.format(Locale.ROOT, "%.1f", stats.changes() / secs));
        System.out.println("fleet_broker_latency_p50_ms=" + probe.latencies.percentile(50));
        System.out.println("fleet_broker_latency_p99_ms=" + probe.latencies.percentile(99));
        System.out.println("fleet_broker_latency_max_ms=" + probe.latencies.percentile(100));
        System.out.println("fleet_broker_states_seen=" + probe.latencies.count());
        if (office != null) {
            JsonNode lat = officeStats.path("latencyMs");
            System.out.println("fleet_office_latency_p50_ms=" + lat.path("p50").asText());
            System.out.println("fleet_office_latency_p99_ms=" + lat.path("p99").asText());
            System.out.println("fleet_office_latency_max_ms=" + lat.path("max").asText());
            System.out.println("fleet_office_states_applied=" + officeStats.path("stateUpdates").asText());
            System.out.println("fleet_office_latency_count=" + lat.path("count").asText());
            System.out.println("fleet_office_stats=" + officeStats);
            System.out.println("fleet_office_rss_mb=" + mb(office.statusKb("VmRSS")));
            System.out.println("fleet_office_peak_rss_mb=" + mb(office.statusKb("VmHWM")));
        }
        System.out.println("fleet_failures=" + stats.failures());
        stats.firstFailures().forEach(f -> System.err.println("failure: " + f));
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.1f", kb / 1024.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
