package org.topupkiosk.fleet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.testing.Fuzz;

/**
 * Whatever arrives on the command topic (random bytes, JSON of the wrong shape, a signed command damaged anywhere),
 * the command desk never throws, never drives the kiosk, and answers it refused with one of the protocol's reasons, a
 * journal audit row for each.
 */
class CommandDeskFuzzProperties {

    private static final KeyPair OFFICE = FleetKeys.generate();
    private static Path dir;
    private static Journal journal;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("cmd-fuzz");
        journal = Journal.open(dir.resolve("j.db"), "k1", Clock.systemUTC());
    }

    @AfterContainer
    static void close() {
        journal.close();
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        CommandMessage c = FleetKeys.sign(new CommandMessage("cmd-1", "k1", CommandMessage.OUT_OF_SERVICE,
                Map.of("reason", "maintenance"), Instant.now().minusSeconds(5), Instant.now().plusSeconds(3600), null),
                OFFICE.getPrivate());
        Arbitrary<byte[]> shapes = Arbitraries.of("{}", "[]", "null", "\"x\"", "{\"id\":\"a\"}",
                "{\"id\":\"a\",\"kioskId\":\"k1\",\"type\":\"sync_now\",\"issuedAt\":\"x\"}",
                "{\"id\":" + "[".repeat(40) + "}").map(String::getBytes);
        return Arbitraries.oneOf(Fuzz.around(Arbitraries.just(FleetJson.write(c)), 400), shapes);
    }

    @Property(tries = 300)
    void garbledCommandsAreRefusedNeverCrashTheAgent(@ForAll("payloads") byte[] payload) {
        List<AckMessage> acks = new ArrayList<>();
        List<String> portCalls = new ArrayList<>();
        KioskPort port = new KioskPort() {
            @Override
            public Mode mode() {
                return new Mode("in_service", null);
            }

            @Override
            public void officeHold(String text, Consumer<Progress> progress) {
                portCalls.add("hold " + text);
            }

            @Override
            public void syncNow() {
                portCalls.add("sync");
            }

            @Override
            public String installCatalog(Path file) {
                portCalls.add("catalog");
                return "";
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
        CommandGate gate = new CommandGate("k1", OFFICE.getPublic(), Clock.systemUTC(),
                (id, type) -> journal.telemetry().firstSight("fuzz-" + System.nanoTime() + "-" + id, type));
        CommandDesk desk = new CommandDesk("k1", gate, port, journal, dir.resolve("catalog.yaml"), Clock.systemUTC(),
                acks::add, Runnable::run, () -> { });
        long before = journal.auditHead().count();
        desk.handle(payload);
        if (portCalls.isEmpty()) {
            assertThat(acks).hasSize(1);
            assertThat(acks.get(0).status()).isEqualTo(AckMessage.REFUSED);
            assertThat(acks.get(0).reason()).isIn(CommandGate.BAD_SIGNATURE, CommandGate.EXPIRED,
                    CommandGate.REPLAYED, CommandGate.WRONG_KIOSK, CommandGate.UNKNOWN_TYPE,
                    CommandGate.BAD_ARGUMENTS);
            List<AuditEntry> rows = journal.recentAudit(List.of(EventMapper.COMMAND_AUDIT), 1);
            assertThat(journal.auditHead().count()).isEqualTo(before + 1);
            assertThat(rows.get(0).dataJson()).contains("\"status\":\"refused\"");
        } else {
            // Only the undamaged signed command itself gets through (the mutation left it as it was).
            assertThat(portCalls).containsExactly("hold maintenance");
        }
    }
}
