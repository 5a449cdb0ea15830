package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.flow.counter.CashierGate;
import org.topupkiosk.testing.Property;

/** The cashiers file: parsing (junk gives a message naming the line), PIN checks, per-cashier lockout and its end. */
class CashierPinsTest {

    @TempDir
    Path dir;

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void junkInTheFileIsAClearErrorNeverAnotherException() {
        Property.forAll(500, r -> {
            String text = Property.randomString(r, "ab|01 \n#-topupinv1pbkdf2sha=+/", 120);
            try {
                CashierPins.parse(text);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).matches("line \\d+.*");
            }
        });
    }

    @Test
    void aCashierIsAddedCheckedAndLockedOutAloneForFiveMinutes() throws Exception {
        Path file = dir.resolve("cashiers.pins");
        CashierPinsFile.add(file, "anna", "Anna", "2468".toCharArray(), new SecureRandom());
        CashierPinsFile.add(file, "boris", "Boris", "1357".toCharArray(), new SecureRandom());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String> audit = new ArrayList<>();
        MovableClock clock = new MovableClock();
        CashierPins pins = new CashierPins(Optional.of(file), (kind, json) -> audit.add(kind + " " + json), clock);
        assertThat(pins.cashiers()).extracting(CashierGate.Cashier::name).containsExactly("Anna", "Boris");
        assertThat(pins.check("anna", "2468".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        for (int i = 0; i < CashierPins.MAX_FAILURES - 1; i++) {
            assertThat(pins.check("anna", "1111".toCharArray()).result()).isEqualTo(CashierGate.Result.WRONG);
        }
        assertThat(pins.check("anna", "1111".toCharArray()).result()).isEqualTo(CashierGate.Result.LOCKED);
        assertThat(pins.check("anna", "2468".toCharArray()).result()).isEqualTo(CashierGate.Result.LOCKED);
        assertThat(pins.check("boris", "1357".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        clock.now = clock.now.plus(CashierPins.LOCKOUT).plus(Duration.ofSeconds(1));
        assertThat(pins.check("anna", "2468".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        assertThat(audit).anyMatch(a -> a.startsWith("cashier_pin_locked {\"cashier\":\"anna\""));
        assertThat(audit).noneMatch(a -> a.contains("2468") || a.contains("1111"));
        // an unknown cashier costs a failure like a wrong PIN, and is not named in the audit
        assertThat(pins.check("../x", "2468".toCharArray()).result()).isEqualTo(CashierGate.Result.WRONG);
        assertThat(audit.get(audit.size() - 1)).contains("\"cashier\":\"?\"");
    }

    @Test
    void aMissingOrOpenFileIsUnavailableWithTheFix() throws Exception {
        CashierPins none = new CashierPins(Optional.of(dir.resolve("absent")), (k, j) -> { }, Clock.systemUTC());
        CashierGate.Attempt a = none.check("anna", "2468".toCharArray());
        assertThat(a.result()).isEqualTo(CashierGate.Result.UNAVAILABLE);
        assertThat(a.problem()).contains("kioskctl counter set-cashier");
        Path open = dir.resolve("open.pins");
        CashierPinsFile.add(open, "anna", "Anna", "2468".toCharArray(), new SecureRandom());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new CashierPins(Optional.of(open), (k, j) -> { }, Clock.systemUTC()).cashiers())
                .hasMessageContaining("chmod 600");
    }
}
