package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.EventMessage;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.office.FleetBoard;
import org.topupkiosk.journal.TelemetryJournal;
import org.topupkiosk.ops.FleetSimKiosk;
import org.topupkiosk.ops.ScriptedCustomer;
import org.topupkiosk.testing.FleetListener;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * A broker outage loses nothing: with Mosquitto stopped the kiosk sells on and its events wait in the journal; when it
 * is back they all arrive, each id exactly once after the office drops same-id redeliveries, and none missing.
 */
class KioskFleetOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final int SALES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private KioskCore core;

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void salesDuringAnOutageArriveOnceEachWhenTheBrokerIsBack() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        FleetKiosks kiosks = new FleetKiosks(dir);
        core = kiosks.start(broker.url(), "k-outage");
        String events = FleetTopics.standard().events("k-outage");
        // The office's persistent session: the broker keeps its subscription and queues what comes while it is away.
        try (FleetListener office = FleetListener.listen(broker.url(), "office-outage", false, events)) {
            long end = System.nanoTime() + WAIT.toNanos();
            while (!core.fleetAgent().orElseThrow().connected() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            broker.stop();
            ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
            for (int i = 0; i < SALES; i++) {
                FleetSimKiosk.sell(core, customer, "916555000" + i, 100);
            }
            TelemetryJournal telemetry = core.journal().telemetry();
            awaitTrue(() -> telemetry.backlog().pending() >= 2 * SALES, "events journaled while the broker is down");
            assertThat(core.fleetAgent().orElseThrow().connected()).isFalse();
            broker.start();
            awaitTrue(() -> telemetry.backlog().pending() == 0, "outbox drained after the broker came back");
            Set<String> journaled = telemetry.recent(10_000).stream().map(TelemetryJournal.Event::id)
                    .collect(Collectors.toSet());
            assertThat(office.awaitAll(all -> ids(all).keySet().containsAll(journaled), WAIT))
                    .as("every journaled event reached the office").isTrue();
            Map<String, List<String>> byId = ids(office.all());
            assertThat(byId.keySet()).isEqualTo(journaled);
            // A redelivery is the same event again, never a different one under the same id.
            byId.forEach((id, copies) -> assertThat(Set.copyOf(copies)).as(id).hasSize(1));
            List<JsonNode> payments = byId.values().stream().map(c -> tree(c.get(0)))
                    .filter(n -> n.path("kind").asText().equals("payment")).toList();
            assertThat(payments).hasSize(2 * SALES); // each sale: submitted (pending), then confirmed
            assertThat(payments).allSatisfy(p -> {
                assertThat(p.path("data").path("msisdn").asText()).contains("*");
                assertThat(p.path("data").path("amountMinor").asLong()).isPositive();
                assertThat(p.path("data").path("currency").asText()).isEqualTo("RUB");
            });
            assertThat(payments.stream().map(p -> p.path("data").path("outcome").asText())).containsOnly("pending",
                    "confirmed");
            // The office's board, fed everything the broker delivered (redeliveries included), holds each event once.
            FleetBoard board = new FleetBoard(FleetTopics.standard(), Clock.systemUTC(), Duration.ofSeconds(60),
                    FleetBoard.Limits.standard());
            office.all().forEach(r -> board.apply(r.topic(), r.payload().getBytes(StandardCharsets.UTF_8),
                    Instant.now()));
            List<String> onBoard = board.detail("k-outage").orElseThrow().events().stream().map(EventMessage::id)
                    .toList();
            assertThat(onBoard).doesNotHaveDuplicates();
            assertThat(Set.copyOf(onBoard)).isEqualTo(journaled);
            assertThat(board.stats().events()).isEqualTo(journaled.size());
            // What `kioskctl journal verify` checks holds on the journal the fleet agent wrote to.
            assertThat(core.journal().verify().violations()).isEmpty();
        }
    }

    private static Map<String, List<String>> ids(List<FleetListener.Received> all) {
        Map<String, List<String>> out = new HashMap<>();
        for (FleetListener.Received r : all) {
            out.computeIfAbsent(tree(r.payload()).path("id").asText(), k -> new ArrayList<>())
                    .add(r.payload());
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static void awaitTrue(BooleanSupplier p, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!p.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
