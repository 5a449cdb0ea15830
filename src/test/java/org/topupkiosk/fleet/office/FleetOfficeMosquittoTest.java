package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.topupkiosk.fleet.office.FleetSamples.inService;
import static org.topupkiosk.fleet.office.FleetSamples.json;
import static org.topupkiosk.fleet.office.FleetSamples.payment;
import static org.topupkiosk.fleet.office.FleetSamples.state;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The office against a real Mosquitto: a fake kiosk (raw Paho, publishing the contract's records) shows on the
 * board, its Last Will turns the row offline, a command from the office's HTTP API arrives at the kiosk's subscription
 * signed so that the office's public key verifies it, and the kiosk's ack answers it. Events sent while the office is
 * away arrive when it comes back (persistent session, QoS 1), each once.
 */
class FleetOfficeMosquittoTest {

    @TempDir
    Path dir;
    private final FleetTopics topics = FleetTopics.standard();
    private final KeyPair keys = FleetKeys.generate();
    private final HttpClient http = HttpClient.newHttpClient();
    private MosquittoBroker broker;
    private FleetBoard board;
    private FleetOffice office;
    private OfficeWeb web;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed (CI installs it)");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        startOffice();
    }

    private void startOffice() throws Exception {
        board = new FleetBoard(topics, Clock.systemUTC(), Duration.ofSeconds(60), FleetBoard.Limits.standard());
        office = new FleetOffice(BrokerSettings.anonymous(broker.url()), topics, board, keys.getPrivate(),
                Clock.systemUTC(), FleetOffice.DEFAULT_COMMAND_TTL);
        office.start(Duration.ofSeconds(10));
        web = new OfficeWeb(board, office, office::connected, new InetSocketAddress("127.0.0.1", 0),
                Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        if (office != null) {
            office.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aKioskShowsOnTheBoardAndObeysASignedCommandFromTheApi() throws Exception {
        FakeKiosk kiosk = new FakeKiosk(broker.url(), topics, "k-7");
        kiosk.publishState(inService("k-7", 12, Instant.now()));
        await(() -> board.row("k-7").isPresent());
        assertThat(board.row("k-7").orElseThrow().status()).isEqualTo(KioskRow.ONLINE);
        assertThat(get("/api/kiosks").body()).contains("\"kioskId\":\"k-7\"");

        HttpResponse<String> sent = post("/api/kiosks/k-7/commands",
                "{\"type\":\"out_of_service\",\"reason\":\"Инкассация / cash collection\"}", "application/json");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        CommandMessage c = FleetJson.read(kiosk.commands.poll(10, TimeUnit.SECONDS), CommandMessage.class);
        assertThat(sent.body()).contains(c.id());
        assertThat(FleetKeys.verify(c, keys.getPublic())).as("signed with the office key").isTrue();
        assertThat(FleetKeys.verify(c, FleetKeys.generate().getPublic())).isFalse();
        assertThat(c.type()).isEqualTo(CommandMessage.OUT_OF_SERVICE);
        assertThat(c.args()).containsEntry("reason", "Инкассация / cash collection");
        assertThat(c.kioskId()).isEqualTo("k-7");
        assertThat(Duration.between(c.issuedAt(), c.expiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(board.row("k-7").orElseThrow().pendingCommands()).isEqualTo(1);

        kiosk.publish(topics.acks("k-7"), json(new AckMessage(c.id(), "k-7", AckMessage.DONE, null, Instant.now())),
                false);
        kiosk.publishState(state("k-7", StateMessage.OUT_OF_SERVICE, "Инкассация / cash collection", 13, "real",
                Instant.now()));
        await(() -> board.row("k-7").orElseThrow().pendingCommands() == 0
                && "out_of_service".equals(board.row("k-7").orElseThrow().mode()));
        assertThat(get("/api/kiosks/k-7").body()).contains("\"status\":\"done\"", c.id());

        kiosk.dieWithoutGoodbye();
        await(() -> KioskRow.OFFLINE.equals(board.row("k-7").orElseThrow().status()));
    }

    @Test
    void eventsSentWhileTheOfficeIsAwayArriveOnceWhenItComesBack() throws Exception {
        FakeKiosk kiosk = new FakeKiosk(broker.url(), topics, "k-8");
        kiosk.publish(topics.events("k-8"), json(payment("k-8", "e-1", 10_000, Instant.now())), false);
        await(() -> board.stats().events() == 1);
        web.close();
        office.close();
        for (int i = 2; i <= 5; i++) {
            kiosk.publish(topics.events("k-8"), json(payment("k-8", "e-" + i, 10_000L * i, Instant.now())), false);
        }
        kiosk.publish(topics.events("k-8"), json(payment("k-8", "e-3", 30_000, Instant.now())), false); // a resend
        startOffice();
        await(() -> board.detail("k-8").map(d -> d.events().size() == 4 && d.duplicateEvents() == 1).orElse(false));
        assertThat(board.detail("k-8").orElseThrow().events()).extracting(e -> e.id())
                .containsExactlyInAnyOrder("e-2", "e-3", "e-4", "e-5");
        kiosk.close();
    }

    @Test
    void theApiRefusesCrossSiteAndBadCommandsAndServesStats() throws Exception {
        new FakeKiosk(broker.url(), topics, "k-9").publishState(inService("k-9", 3, Instant.now()));
        await(() -> board.kioskCount() == 1);
        String body = "{\"type\":\"sync_now\"}";
        assertThat(post("/api/kiosks/k-9/commands", body, "text/plain").statusCode()).isEqualTo(403);
        HttpResponse<String> crossOrigin = http.send(HttpRequest.newBuilder(URI.create(base() + "api/kiosks/k-9/commands"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        assertThat(post("/api/kiosks/k-9/commands", "{\"type\":\"reboot\"}", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/kiosks/k-9/commands", "{\"type\":\"out_of_service\"}", "application/json").body())
                .contains("reason");
        assertThat(post("/api/kiosks/k-9/commands", "not json", "application/json").statusCode()).isEqualTo(400);
        assertThat(get("/api/kiosks/nobody").statusCode()).isEqualTo(404);
        String stats = get("/api/stats").body();
        assertThat(stats).contains("\"kiosks\":1", "\"stateUpdates\":1", "\"badMessages\":0", "\"p99\":");
        assertThat(post("/api/stats/reset", "{}", "application/json").body()).contains("\"stateUpdates\":0");
    }

    @Test
    void theEventStreamSendsASnapshotThenTheChangedRows() throws Exception {
        FakeKiosk kiosk = new FakeKiosk(broker.url(), topics, "k-10");
        kiosk.publishState(inService("k-10", 3, Instant.now()));
        await(() -> board.kioskCount() == 1);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(base() + "events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(next(lines, "event: snapshot")).isTrue();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).contains("\"kioskId\":\"k-10\"");
        for (int i = 0; i < 20; i++) {   // many changes in a batch interval: one rows event
            kiosk.publishState(state("k-10", StateMessage.SERVICE, null, 4 + i, "real", Instant.now()));
        }
        assertThat(next(lines, "event: rows")).isTrue();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).contains("\"mode\":\"service\"");
        stream.body().close();
    }

    @Test
    void theOfficeLogsInWithItsPasswordAndNotWithAWrongOne() throws Exception {
        Path passwords = MosquittoBroker.passwordFile(dir.resolve("passwords"), "office", "s3cret-pass");
        try (MosquittoBroker locked = MosquittoBroker.start(dir.resolve("locked"),
                List.of("allow_anonymous false", "password_file " + passwords))) {
            FleetBoard b = new FleetBoard(topics, Clock.systemUTC(), Duration.ofSeconds(60), FleetBoard.Limits.standard());
            try (FleetOffice wrong = new FleetOffice(new BrokerSettings(locked.url(), "office-a", "office",
                    "guess".toCharArray(), null), topics, b, null, Clock.systemUTC(), FleetOffice.DEFAULT_COMMAND_TTL);
                 FleetOffice right = new FleetOffice(new BrokerSettings(locked.url(), "office-b", "office",
                         "s3cret-pass".toCharArray(), null), topics, b, null, Clock.systemUTC(),
                         FleetOffice.DEFAULT_COMMAND_TTL)) {
                wrong.start(Duration.ofSeconds(5));
                right.start(Duration.ofSeconds(5));
                await(right::connected);
                assertThat(wrong.connected()).isFalse();
            }
        }
    }

    private static boolean next(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            String l = lines.poll(200, TimeUnit.MILLISECONDS);
            if (wanted.equals(l)) {
                return true;
            }
        }
        return false;
    }

    private String base() {
        return "http://127.0.0.1:" + web.port() + "/";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path.substring(1))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 15 s").isLessThan(end);
            Thread.sleep(25);
        }
    }
}
