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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.flow.counter.CashierGate;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.PinGates;
import org.topupkiosk.testing.Property;
import org.topupkiosk.testing.SettableClock;

/** The cashiers file: parsing (junk gives a message naming the line), PIN checks, per-cashier lockout and its end. */
class CashierPinsTest {

    @TempDir
    Path dir;

    private Journal journal;

    private PinGates gates() {
        if (journal == null) {
            journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        }
        return journal.pinGates();
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private List<String> audit() {
        List<String> out = new ArrayList<>();
        for (AuditEntry e : journal.recentAudit(List.of("cashier_login", "cashier_pin_failed", "cashier_pin_locked"),
                1000)) {
            out.add(0, e.kind() + " " + e.dataJson());
        }
        return out;
    }

    @Test
    void aCashierLockoutSurvivesARestartEscalatesAndShortPinsAreRefused() throws Exception {
        Path file = dir.resolve("cashiers.pins");
        CashierPinsFile.add(file, "anna", "Anna", "246801".toCharArray(), new SecureRandom());
        assertThatThrownBy(() -> CashierPinsFile.add(file, "boris", "Boris", "1357".toCharArray(), new SecureRandom()))
                .hasMessageContaining("6 to 12 digits");
        SettableClock clock = SettableClock.at(Instant.parse("2026-11-21T10:00:00Z"));
        journal = Journal.open(dir.resolve("journal.db"), "0042", clock);
        CashierPins pins = new CashierPins(Optional.of(file), journal.pinGates(), clock);
        for (Duration length : List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2))) {
            for (int i = 1; i < CashierPins.MAX_FAILURES; i++) {
                assertThat(pins.check("anna", "111111".toCharArray()).result()).isEqualTo(CashierGate.Result.WRONG);
            }
            CashierGate.Attempt locked = pins.check("anna", "111111".toCharArray());
            assertThat(locked.result()).isEqualTo(CashierGate.Result.LOCKED);
            assertThat(locked.lockedFor()).isEqualTo(length);
            journal.close();
            journal = Journal.open(dir.resolve("journal.db"), "0042", clock);
            pins = new CashierPins(Optional.of(file), journal.pinGates(), clock);
            assertThat(pins.check("anna", "246801".toCharArray()).result()).as("after a restart")
                    .isEqualTo(CashierGate.Result.LOCKED);
            clock.advance(length);
        }
        assertThat(pins.check("anna", "246801".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        assertThat(pins.lockedFor("anna")).isZero();
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
        CashierPinsFile.add(file, "anna", "Anna", "246801".toCharArray(), new SecureRandom());
        CashierPinsFile.add(file, "boris", "Boris", "135702".toCharArray(), new SecureRandom());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SettableClock clock = SettableClock.at(Instant.parse("2026-11-21T10:00:00Z"));
        journal = Journal.open(dir.resolve("journal.db"), "0042", clock);
        CashierPins pins = new CashierPins(Optional.of(file), journal.pinGates(), clock);
        assertThat(pins.cashiers()).extracting(CashierGate.Cashier::name).containsExactly("Anna", "Boris");
        assertThat(pins.check("anna", "246801".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        for (int i = 0; i < CashierPins.MAX_FAILURES - 1; i++) {
            assertThat(pins.check("anna", "111111".toCharArray()).result()).isEqualTo(CashierGate.Result.WRONG);
        }
        assertThat(pins.check("anna", "111111".toCharArray()).result()).isEqualTo(CashierGate.Result.LOCKED);
        assertThat(pins.check("anna", "246801".toCharArray()).result()).isEqualTo(CashierGate.Result.LOCKED);
        assertThat(pins.check("boris", "135702".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        clock.advance(CashierPins.LOCKOUT.plus(Duration.ofSeconds(1)));
        assertThat(pins.check("anna", "246801".toCharArray()).result()).isEqualTo(CashierGate.Result.OK);
        assertThat(audit()).anyMatch(a -> a.startsWith("cashier_pin_locked {\"cashier\":\"anna\""));
        assertThat(audit()).noneMatch(a -> a.contains("246801") || a.contains("111111"));
        // an unknown cashier costs a failure like a wrong PIN, and is not named in the audit
        assertThat(pins.check("../x", "246801".toCharArray()).result()).isEqualTo(CashierGate.Result.WRONG);
        assertThat(audit()).last().asString().contains("\"cashier\":\"?\"");
    }

    @Test
    void aMissingOrOpenFileIsUnavailableWithTheFix() throws Exception {
        CashierPins none = new CashierPins(Optional.of(dir.resolve("absent")), gates(), Clock.systemUTC());
        CashierGate.Attempt a = none.check("anna", "246801".toCharArray());
        assertThat(a.result()).isEqualTo(CashierGate.Result.UNAVAILABLE);
        assertThat(a.problem()).contains("kioskctl counter set-cashier").doesNotContain(dir.toString());
        Path open = dir.resolve("open.pins");
        CashierPinsFile.add(open, "anna", "Anna", "246801".toCharArray(), new SecureRandom());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new CashierPins(Optional.of(open), gates(), Clock.systemUTC()).cashiers())
                .hasMessageContaining("chmod 600").message().doesNotContain(dir.toString());
    }
}
