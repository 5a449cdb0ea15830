package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.health.HealthServer;
import org.topupkiosk.health.Scrape;
import org.topupkiosk.ops.ScriptedCustomer;
import org.topupkiosk.service.CashierPinsFile;

/**
 * The health endpoint of a real kiosk core in simulation (emulated acceptor and printer, the embedded carrier, a real
 * journal), asked over loopback HTTP: ok while it sells, 503 with the flow's own reason when the cash box is out or the
 * service lock holds, 503 when the flow thread hangs (and the endpoint still answers), metrics that follow a stacked
 * note and a payment the carrier does not take, and nothing else served.
 */
class KioskHealthEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private KioskCore core;

    @AfterEach
    void closeCore() {
        if (core != null) {
            core.close();
        }
    }

    /** The shipped simulation config in a scratch directory (its journal lands there), with {@code edit} applied. */
    static Path copyConfig(Path dir, String file, String from, String to) throws IOException {
        Path src = Path.of("kiosk-config");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve("kiosk-config").resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path cfg = dir.resolve("kiosk-config").resolve(file);
        String yaml = Files.readString(cfg);
        if (from != null) {
            assertThat(yaml).contains(from);
            Files.writeString(cfg, yaml.replace(from, to));
        }
        return cfg;
    }

    private Scrape start(String from, String to) throws Exception {
        Path cfg = copyConfig(dir, "kiosk.yaml", from, to);
        core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults());
        core.start();
        InetSocketAddress address = core.serveHealth(new InetSocketAddress("127.0.0.1", 0), Duration.ZERO)
                .orElseThrow();
        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        return new Scrape(address);
    }

    @Test
    void okWhileSellingThen503WithTheReasonWhileTheCashBoxIsOutOrTheServiceLockHolds() throws Exception {
        Scrape http = start(null, null);
        HttpResponse<String> ok = http.awaitHealth(r -> r.statusCode() == 200, WAIT);
        assertThat(ok.body()).isEqualTo("ok\n");
        assertThat(ok.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(http.metrics()).containsEntry("kiosk_in_service", 1.0)
                .containsEntry("kiosk_device_state{device=\"bill_acceptor\",state=\"ok\"}", 1.0);

        core.billEmulator().cashBoxOut();
        HttpResponse<String> out = http.awaitHealth(r -> r.statusCode() == 503, WAIT);
        assertThat(out.body()).startsWith("bill acceptor fault: ").endsWith("\n");
        assertThat(core.flow().current().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        Map<String, Double> m = http.metrics();
        assertThat(m).containsEntry("kiosk_in_service", 0.0)
                .containsEntry("kiosk_device_state{device=\"bill_acceptor\",state=\"ok\"}", 0.0);

        core.billEmulator().clearFault();
        assertThat(http.awaitHealth(r -> r.statusCode() == 200, WAIT).body()).isEqualTo("ok\n");

        core.flow().submit(new FlowCommand.Lock("service"));
        assertThat(http.awaitHealth(r -> r.statusCode() == 503, WAIT).body())
                .isEqualTo("locked for service from the service menu\n");
        core.flow().submit(new FlowCommand.Unlock());
        assertThat(http.awaitHealth(r -> r.statusCode() == 200, WAIT).body()).isEqualTo("ok\n");
    }

    @Test
    void aHungFlowThreadIs503AndTheEndpointStillAnswers() throws Exception {
        Scrape http = start("  listen: 127.0.0.1:8780", "  flowStaleSeconds: 2\n  listen: 127.0.0.1:8780");
        http.awaitHealth(r -> r.statusCode() == 200, WAIT);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean(false);
        // Snapshot listeners run on the flow thread: this one holds it, as a task stuck on a lock would.
        core.flow().subscribe(s -> {
            if (hang.getAndSet(false)) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        hang.set(true);
        core.flow().submit(new FlowCommand.StillHere()); // a publish: the next snapshot reaches the listener
        try {
            HttpResponse<String> hung = http.awaitHealth(r -> r.statusCode() == 503, Duration.ofSeconds(10));
            assertThat(hung.body()).startsWith("flow thread has not answered for ").contains("health.flowStaleSeconds");
            assertThat(http.metrics().get("kiosk_flow_heartbeat_age_seconds")).isGreaterThan(2.0);
        } finally {
            release.countDown();
        }
        assertThat(http.awaitHealth(r -> r.statusCode() == 200, WAIT).body()).isEqualTo("ok\n");
    }

    @Test
    void metricsFollowAStackedNoteAndAPaymentWaitingInTheOutbox() throws Exception {
        Scrape http = start(null, null);
        http.awaitHealth(r -> r.statusCode() == 200, WAIT);
        Map<String, Double> before = http.metrics();
        assertThat(before).containsKeys("kiosk_cashbox_notes", "kiosk_cashbox_amount_minor", "kiosk_outbox_pending",
                "kiosk_outbox_oldest_age_seconds", "kiosk_journal_size_bytes", "kiosk_uptime_seconds",
                "kiosk_printer_paper{state=\"ok\"}").doesNotContainKey("kiosk_last_payment_age_seconds");
        assertThat(before.get("kiosk_journal_size_bytes")).isPositive();
        assertThat(before.get("kiosk_outbox_pending")).isZero();

        // The carrier does not take payments: the one below waits in the outbox.
        core.simulator().faults().withProbability(1.0, new Fault.HttpError(503), "/v1/payments");
        ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
        customer.startTopUp("9161234567", 500);
        customer.insertUntil(Money.rub(500), List.of(Money.rub(500)));
        Map<String, Double> stacked = http.metrics();
        assertThat(stacked.get("kiosk_cashbox_notes")).isEqualTo(before.get("kiosk_cashbox_notes") + 1);
        assertThat(stacked.get("kiosk_cashbox_amount_minor"))
                .isEqualTo(before.get("kiosk_cashbox_amount_minor") + 50_000);
        assertThat(stacked).containsEntry("kiosk_cashbox_denomination_notes{denomination_minor=\"50000\"}",
                before.getOrDefault("kiosk_cashbox_denomination_notes{denomination_minor=\"50000\"}", 0.0) + 1);

        core.flow().submit(new FlowCommand.Pay());
        customer.await(s -> s.screen() == Screen.CONFIRM, WAIT);
        core.flow().submit(new FlowCommand.Confirm());
        Map<String, Double> waiting = http.awaitMetrics(m -> m.get("kiosk_outbox_pending") == 1.0, WAIT);
        assertThat(waiting.get("kiosk_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0.0);
        assertThat(waiting.get("kiosk_last_payment_age_seconds")).isBetween(0.0, 60.0);
        assertThat(waiting.get("kiosk_cashbox_amount_minor")).isEqualTo(stacked.get("kiosk_cashbox_amount_minor"));

        core.simulator().faults().clear();
        core.dispatcher().kick();
        http.awaitMetrics(m -> m.get("kiosk_outbox_pending") == 0.0, Duration.ofSeconds(90));
    }

    @Test
    void paperOutShowsInTheMetricsWhileTheKioskSellsOn() throws Exception {
        Scrape http = start(null, null);
        http.awaitHealth(r -> r.statusCode() == 200, WAIT);
        core.printerEmulator().setPaperNearEnd(true);
        http.awaitMetrics(m -> m.get("kiosk_printer_paper{state=\"near_end\"}") == 1.0, WAIT);
        core.printerEmulator().setPaperOut(true);
        Map<String, Double> m = http.awaitMetrics(x -> x.get("kiosk_printer_paper{state=\"out\"}") == 1.0, WAIT);
        assertThat(m).containsEntry("kiosk_printer_paper{state=\"ok\"}", 0.0)
                .containsEntry("kiosk_device_state{device=\"printer\",state=\"failed\"}", 1.0);
        // The flow sells without paper (receipts are journaled for a reprint), so /health stays ok.
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theCounterTerminalServesTheSameEndpoint() throws Exception {
        Path cfg = copyConfig(dir, "counter.yaml", null, null);
        CashierPinsFile.add(dir.resolve("var/counter-cashiers.pins"), "anna", "Anna", "246801".toCharArray(),
                new SecureRandom());
        core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults());
        core.start();
        Scrape http = new Scrape(core.serveHealth(new InetSocketAddress("127.0.0.1", 0), Duration.ZERO)
                .orElseThrow());
        assertThat(http.awaitHealth(r -> r.statusCode() == 200, WAIT).body()).isEqualTo("ok\n");
        Map<String, Double> m = http.metrics();
        assertThat(m).containsKeys("kiosk_cashbox_notes", "kiosk_outbox_pending", "kiosk_flow_heartbeat_age_seconds",
                "kiosk_device_state{device=\"printer\",state=\"ok\"}");
        // The counter takes cash by hand: no bill acceptor among its devices.
        assertThat(m.keySet()).noneMatch(k -> k.contains("bill_acceptor"));
    }

    @Test
    void aKioskWhoseJournalIsDamagedSaysSo() throws Exception {
        try (HealthServer server = KioskHealthEndpoint.damaged(new InetSocketAddress("127.0.0.1", 0),
                "journal damaged, no cash is taken: var/journal.db: *** in database main ***").orElseThrow()) {
            Scrape http = new Scrape(server.address());
            HttpResponse<String> h = http.get("/health");
            assertThat(h.statusCode()).isEqualTo(503);
            assertThat(h.body())
                    .isEqualTo("journal damaged, no cash is taken: var/journal.db: *** in database main ***\n");
            Map<String, Double> m = http.metrics();
            assertThat(m).containsEntry("kiosk_in_service", 0.0).containsKey("kiosk_uptime_seconds")
                    .containsEntry("kiosk_printer_paper{state=\"unknown\"}", 1.0)
                    .doesNotContainKeys("kiosk_cashbox_notes", "kiosk_flow_heartbeat_age_seconds");
        }
    }

    @Test
    void onlyGetOnTwoPathsAndOnlyOnTheConfiguredAddress() throws Exception {
        Path cfg = copyConfig(dir, "kiosk.yaml", null, null);
        core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults());
        core.start();
        // Linux routes all of 127/8 to loopback: bound to 127.0.0.2, the port is closed on 127.0.0.1.
        InetSocketAddress address = core.serveHealth(new InetSocketAddress("127.0.0.2", 0), Duration.ZERO)
                .orElseThrow();
        Scrape http = new Scrape(address);
        assertThat(http.get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/health/").statusCode()).isEqualTo(404);
        assertThat(http.get("/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send("POST", "/health");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertThat(http.send("DELETE", "/metrics").statusCode()).isEqualTo(405);
        assertThat(http.get("/metrics?x=1").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new Socket("127.0.0.1", address.getPort()).close())
                .isInstanceOf(ConnectException.class);
        // A second kiosk on the same address: no endpoint, logged; the kiosk itself is unaffected.
        assertThat(core.serveHealth(address, Duration.ZERO)).isEmpty();
    }
}
