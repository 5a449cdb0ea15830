package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.ops.ScriptedCustomer;
import org.topupkiosk.testing.FleetListener;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * Signed commands from the office through a real Mosquitto to a simulated kiosk: obeyed when signed, addressed, fresh
 * and new; refused (acknowledged and audited) when unsigned, expired, replayed or for another kiosk; and an
 * out-of-service order while a customer has cash in waits for them, then applies.
 */
class KioskFleetCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FleetTopics TOPICS = FleetTopics.standard();
    private static final String ID = "k-cmd";

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private KioskCore core;
    private FleetKiosks kiosks;
    private FleetListener office;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        kiosks = new FleetKiosks(dir);
        core = kiosks.start(broker.url(), ID);
        office = FleetListener.listen(broker.url(), TOPICS.acks(ID), TOPICS.events(ID), TOPICS.state(ID));
        long end = System.nanoTime() + WAIT.toNanos();
        while (!core.fleetAgent().orElseThrow().connected() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        // The kiosk subscribes on connecting; its first state tells us it is there.
        assertThat(office.await(m -> m.topic().equals(TOPICS.state(ID)), WAIT)).isPresent();
    }

    @AfterEach
    void stop() {
        if (office != null) {
            office.close();
        }
        if (core != null) {
            core.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private CommandMessage command(String kiosk, String type, Map<String, String> args, Instant issued,
                                   Instant expires) {
        return new CommandMessage("c-" + UUID.randomUUID(), kiosk, type, args, issued, expires, null);
    }

    private CommandMessage fresh(String type, Map<String, String> args) {
        return command(ID, type, args, Instant.now().minusSeconds(1), Instant.now().plusSeconds(300));
    }

    private CommandMessage send(CommandMessage c, boolean sign) throws Exception {
        CommandMessage out = sign ? FleetKeys.sign(c, kiosks.office.getPrivate()) : c;
        office.publish(TOPICS.commands(ID), FleetJson.write(out));
        return out;
    }

    private void awaitAck(String commandId, String status, String reason) throws Exception {
        assertThat(office.await(m -> m.topic().equals(TOPICS.acks(ID)) && m.payload().contains(commandId)
                && m.payload().contains("\"status\":\"" + status + "\"")
                && (reason == null || m.payload().contains("\"reason\":\"" + reason + "\"")), WAIT))
                .as("ack %s %s %s", commandId, status, reason).isPresent();
        // Audited: a journal row, and the command event to the office.
        List<AuditEntry> rows = core.journal().recentAudit(List.of("fleet_command"), 50);
        assertThat(rows).anySatisfy(r -> assertThat(r.dataJson()).contains(commandId).contains(status));
        assertThat(office.await(m -> m.topic().equals(TOPICS.events(ID)) && m.payload().contains("\"command\"")
                && m.payload().contains(commandId) && m.payload().contains(status), WAIT))
                .as("command event %s %s", commandId, status).isPresent();
    }

    private FlowSnapshot awaitScreen(Screen screen) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (core.flow().current().screen() != screen && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(core.flow().current().screen()).isEqualTo(screen);
        return core.flow().current();
    }

    @Test
    void signedCommandsAreObeyedAndTheOthersRefusedAckedAndAudited() throws Exception {
        CommandMessage out = send(fresh(CommandMessage.OUT_OF_SERVICE, Map.of("reason", "Ремонт до 15:00")), true);
        awaitAck(out.id(), "done", null);
        FlowSnapshot s = awaitScreen(Screen.OUT_OF_SERVICE);
        assertThat(s.message().key()).isEqualTo("fleet.out_of_service");
        assertThat(s.message().args()).containsExactly("Ремонт до 15:00");
        assertThat(office.await(m -> m.topic().equals(TOPICS.state(ID)) && m.payload().contains("\"out_of_service\"")
                && m.payload().contains("Ремонт до 15:00"), WAIT)).as("state says why").isPresent();

        // Refused: unsigned, expired, for another kiosk, replayed.
        CommandMessage unsigned = send(fresh(CommandMessage.IN_SERVICE, Map.of()), false);
        awaitAck(unsigned.id(), "refused", "bad_signature");
        CommandMessage expired = send(command(ID, CommandMessage.IN_SERVICE, Map.of(),
                Instant.now().minusSeconds(600), Instant.now().minusSeconds(1)), true);
        awaitAck(expired.id(), "refused", "expired");
        CommandMessage other = FleetKeys.sign(command("k-other", CommandMessage.IN_SERVICE, Map.of(),
                Instant.now(), Instant.now().plusSeconds(60)), kiosks.office.getPrivate());
        office.publish(TOPICS.commands(ID), FleetJson.write(other));
        awaitAck(other.id(), "refused", "wrong_kiosk");
        office.publish(TOPICS.commands(ID), FleetJson.write(out));
        assertThat(office.awaitAll(all -> all.stream().filter(m -> m.topic().equals(TOPICS.acks(ID))
                && m.payload().contains(out.id()) && m.payload().contains("\"replayed\"")).count() == 1, WAIT))
                .as("replay refused").isTrue();
        assertThat(core.flow().current().screen()).as("none of them moved the kiosk").isEqualTo(Screen.OUT_OF_SERVICE);

        CommandMessage in = send(fresh(CommandMessage.IN_SERVICE, Map.of()), true);
        awaitAck(in.id(), "done", null);
        awaitScreen(Screen.IDLE);
        CommandMessage sync = send(fresh(CommandMessage.SYNC_NOW, Map.of()), true);
        awaitAck(sync.id(), "done", null);

        // A catalog the parser refuses leaves the file as it was; a valid one replaces it.
        Path catalog = core.config().config().catalogFile();
        String before = Files.readString(catalog);
        CommandMessage bad = send(fresh(CommandMessage.CATALOG, Map.of("catalog", "operators: 7\n")), true);
        awaitAck(bad.id(), "refused", "bad_catalog");
        assertThat(Files.readString(catalog)).isEqualTo(before);
        String edited = before + "\n# sent by the office\n";
        AtomicInteger restarts = new AtomicInteger(); // the app's restart under systemd applies it
        core.restartForCatalogWith(restarts::incrementAndGet);
        CommandMessage good = send(fresh(CommandMessage.CATALOG, Map.of("catalog", edited)), true);
        awaitAck(good.id(), "done", null);
        assertThat(Files.readString(catalog)).isEqualTo(edited);
        assertThat(office.await(m -> m.payload().contains(good.id()) && m.payload().contains("restarts"), WAIT))
                .isPresent();
        assertThat(restarts.get()).as("restarted once, the kiosk being idle").isEqualTo(1);
    }

    @Test
    void outOfServiceWaitsForTheCustomerWithCashInThenApplies() throws Exception {
        ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
        FlowSnapshot cash = customer.startTopUp("9161234567", 100);
        customer.insertUntil(Money.rub(50), List.of(Money.rub(50)));
        CommandMessage out = send(fresh(CommandMessage.OUT_OF_SERVICE, Map.of("reason", "inspection")), true);
        awaitAck(out.id(), "waiting", null);
        Thread.sleep(500);
        assertThat(core.flow().current().screen()).as("the customer keeps their screen")
                .isEqualTo(Screen.CASH_INSERTION);
        customer.insertUntil(cash.cashNeeded(), List.of(Money.rub(50), Money.rub(50), Money.rub(50)));
        FlowSnapshot done = customer.payAndConfirm();
        assertThat(done.screen()).isEqualTo(Screen.DONE);
        core.flow().submit(new FlowCommand.Finish());
        awaitScreen(Screen.OUT_OF_SERVICE);
        awaitAck(out.id(), "done", null);
    }

    @Test
    void noCommandTakesTheKioskOutOfTheServiceLock() throws Exception {
        core.flow().submit(new FlowCommand.Lock("service"));
        awaitScreen(Screen.SERVICE_LOCK);
        assertThat(office.await(m -> m.topic().equals(TOPICS.state(ID)) && m.payload().contains("\"mode\":\"service\""),
                WAIT)).as("the state says a technician holds it").isPresent();
        CommandMessage in = send(fresh(CommandMessage.IN_SERVICE, Map.of()), true);
        awaitAck(in.id(), "done", null);
        CommandMessage out = send(fresh(CommandMessage.OUT_OF_SERVICE, Map.of("reason", "closed today")), true);
        awaitAck(out.id(), "done", null);
        Thread.sleep(300);
        assertThat(core.flow().current().screen()).isEqualTo(Screen.SERVICE_LOCK);
        // The technician lets customers back: the office's order stands.
        core.flow().submit(new FlowCommand.Unlock());
        FlowSnapshot s = awaitScreen(Screen.OUT_OF_SERVICE);
        assertThat(s.message().args()).containsExactly("closed today");
    }

    @Test
    void theOfficesOutOfServiceOrderOutlivesARestart() throws Exception {
        CommandMessage out = send(fresh(CommandMessage.OUT_OF_SERVICE, Map.of("reason", "moved to another shop")),
                true);
        awaitAck(out.id(), "done", null);
        awaitScreen(Screen.OUT_OF_SERVICE);
        core.close();
        core = kiosks.start(broker.url(), ID);
        FlowSnapshot s = awaitScreen(Screen.OUT_OF_SERVICE);
        assertThat(s.message().args()).containsExactly("moved to another shop");
        CommandMessage in = send(fresh(CommandMessage.IN_SERVICE, Map.of()), true);
        awaitAck(in.id(), "done", null);
        awaitScreen(Screen.IDLE);
    }
}
