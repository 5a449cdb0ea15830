package org.topupkiosk.fleet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.journal.Journal;

/** The command checks, each refusal named, with the ids seen kept in a real journal across a reopening. */
class CommandGateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final KeyPair office = FleetKeys.generate();

    private CommandMessage command(String id, String kiosk, String type, Map<String, String> args, Instant issued,
                                   Instant expires) {
        return new CommandMessage(id, kiosk, type, args, issued, expires, null);
    }

    private byte[] signed(CommandMessage c) {
        return FleetJson.write(FleetKeys.sign(c, office.getPrivate()));
    }

    private CommandGate gate(Journal journal) {
        return new CommandGate("k1", office.getPublic(), CLOCK, journal.telemetry()::firstSight);
    }

    @Test
    void eachCheckRefusesWithItsOwnReason() {
        try (Journal journal = Journal.open(dir.resolve("j.db"), "k1", CLOCK)) {
            CommandGate gate = gate(journal);
            Instant issued = NOW.minusSeconds(5);
            Instant expires = NOW.plusSeconds(60);
            CommandMessage ok = command("c1", "k1", CommandMessage.IN_SERVICE, Map.of(), issued, expires);

            assertThat(gate.check(FleetJson.write(ok)).refusal()).as("unsigned").isEqualTo(CommandGate.BAD_SIGNATURE);
            CommandMessage forged = FleetKeys.sign(ok, FleetKeys.generate().getPrivate());
            assertThat(gate.check(FleetJson.write(forged)).refusal()).isEqualTo(CommandGate.BAD_SIGNATURE);
            CommandMessage tampered = FleetKeys.sign(ok, office.getPrivate());
            tampered = new CommandMessage(tampered.id(), tampered.kioskId(), CommandMessage.OUT_OF_SERVICE,
                    Map.of("reason", "x"), issued, expires, tampered.signature());
            assertThat(gate.check(FleetJson.write(tampered)).refusal()).isEqualTo(CommandGate.BAD_SIGNATURE);
            assertThat(gate.check(signed(command("c2", "k2", CommandMessage.IN_SERVICE, Map.of(), issued, expires)))
                    .refusal()).isEqualTo(CommandGate.WRONG_KIOSK);
            assertThat(gate.check(signed(command("c3", "k1", CommandMessage.IN_SERVICE, Map.of(),
                    NOW.minusSeconds(120), NOW))).refusal()).as("expired at now").isEqualTo(CommandGate.EXPIRED);
            assertThat(gate.check(signed(command("c4", "k1", CommandMessage.IN_SERVICE, Map.of(),
                    NOW.plus(CommandGate.SKEW).plusSeconds(1), NOW.plusSeconds(600)))).refusal())
                    .as("issued in the future beyond the skew").isEqualTo(CommandGate.EXPIRED);
            assertThat(gate.check(signed(command("c5", "k1", "reboot", Map.of(), issued, expires))).refusal())
                    .isEqualTo(CommandGate.UNKNOWN_TYPE);
            assertThat(gate.check(signed(command("c6", "k1", CommandMessage.OUT_OF_SERVICE, Map.of(), issued,
                    expires))).refusal()).as("no reason").isEqualTo(CommandGate.BAD_ARGUMENTS);
            assertThat(gate.check(signed(command("c7", "k1", CommandMessage.OUT_OF_SERVICE,
                    Map.of("reason", "a\u0000b"), issued, expires))).refusal()).isEqualTo(CommandGate.BAD_ARGUMENTS);
            assertThat(gate.check("{".getBytes(StandardCharsets.UTF_8)).refusal()).isEqualTo(CommandGate.BAD_ARGUMENTS);

            CommandGate.Verdict v = gate.check(signed(ok));
            assertThat(v.obeyed()).isTrue();
            assertThat(v.command().id()).isEqualTo("c1");
            assertThat(gate.check(signed(ok)).refusal()).isEqualTo(CommandGate.REPLAYED);
            // A skew inside the allowance is fine.
            assertThat(gate.check(signed(command("c8", "k1", CommandMessage.SYNC_NOW, Map.of(),
                    NOW.plus(CommandGate.SKEW).minusSeconds(1), NOW.plus(Duration.ofMinutes(5))))).obeyed()).isTrue();
        }
        try (Journal again = Journal.open(dir.resolve("j.db"), "k1", CLOCK)) {
            CommandMessage ok = command("c1", "k1", CommandMessage.IN_SERVICE, Map.of(), NOW.minusSeconds(5),
                    NOW.plusSeconds(60));
            assertThat(gate(again).check(signed(ok)).refusal()).as("replayed after a restart")
                    .isEqualTo(CommandGate.REPLAYED);
            // Unsigned ids are never remembered: the office can still sign c9 later.
            CommandMessage c9 = command("c9", "k1", CommandMessage.IN_SERVICE, Map.of(), NOW.minusSeconds(5),
                    NOW.plusSeconds(60));
            assertThat(gate(again).check(FleetJson.write(c9)).refusal()).isEqualTo(CommandGate.BAD_SIGNATURE);
            assertThat(gate(again).check(signed(c9)).obeyed()).isTrue();
        }
    }
}
