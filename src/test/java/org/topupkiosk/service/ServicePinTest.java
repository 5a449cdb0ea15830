package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.ops.KioskCtl;
import org.topupkiosk.ops.ServiceCommand;
import org.topupkiosk.testing.SettableClock;
import picocli.CommandLine;

/** The service PIN: hash format, owner-only file, lockout timing and audit rows, and {@code kioskctl service set-pin}. */
class ServicePinTest {

    @TempDir
    Path dir;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-22T00:00:00Z"));
    private Journal journal;

    @BeforeEach
    void openJournal() {
        journal = Journal.open(dir.resolve("var/journal.db"), "0042", clock);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    /** The gate's audit rows, oldest first, as "kind data". */
    private List<String> audit() {
        List<String> out = new ArrayList<>();
        for (AuditEntry e : journal.recentAudit(List.of("service_login", "service_pin_failed", "service_pin_locked"),
                1000)) {
            out.add(0, e.kind() + " " + e.dataJson());
        }
        return out;
    }

    private Path pinFile(String pin) throws Exception {
        Path f = dir.resolve("service-pin.hash");
        ServiceCommand.SetPin.write(f, PinHash.create(pin.toCharArray(), new SecureRandom()).format());
        return f;
    }

    private ServicePin gate(Path file) {
        return new ServicePin(Optional.ofNullable(file), journal.pinGates(), clock);
    }

    @Test
    void theFileHoldsASaltedSlowHashNotThePin() throws Exception {
        Path f = pinFile("482193");
        String text = Files.readString(f);
        assertThat(text).startsWith("topup-pin v1 pbkdf2-sha256 ").doesNotContain("482193");
        PinHash h = PinHash.parse(text);
        assertThat(h.iterations()).isGreaterThanOrEqualTo(200_000);
        assertThat(h.salt()).hasSize(16);
        assertThat(h.matches("482193".toCharArray())).isTrue();
        assertThat(h.matches("482194".toCharArray())).isFalse();
        PinHash again = PinHash.create("482193".toCharArray(), new SecureRandom());
        assertThat(again.salt()).as("a fresh salt each time").isNotEqualTo(h.salt());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void rightPinLogsInAndIsAudited() throws Exception {
        ServicePin pin = gate(pinFile("123456"));
        assertThat(pin.availability().available()).isTrue();
        assertThat(pin.check("123456".toCharArray()).result()).isEqualTo(ServicePin.Result.OK);
        assertThat(audit()).containsExactly("service_login {}");
    }

    @Test
    void fiveWrongPinsLockForFiveMinutesEvenAgainstTheRightPin() throws Exception {
        ServicePin pin = gate(pinFile("246824"));
        for (int i = 1; i <= 4; i++) {
            ServicePin.Attempt a = pin.check("111111".toCharArray());
            assertThat(a.result()).isEqualTo(ServicePin.Result.WRONG);
            assertThat(a.failuresLeft()).isEqualTo(5 - i);
        }
        ServicePin.Attempt fifth = pin.check("111111".toCharArray());
        assertThat(fifth.result()).isEqualTo(ServicePin.Result.LOCKED);
        assertThat(fifth.lockedFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(audit()).filteredOn(s -> s.startsWith("service_pin_failed")).hasSize(5);
        assertThat(audit()).filteredOn(s -> s.startsWith("service_pin_locked")).hasSize(1);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        ServicePin.Attempt stillLocked = pin.check("246824".toCharArray());
        assertThat(stillLocked.result()).isEqualTo(ServicePin.Result.LOCKED);
        assertThat(stillLocked.lockedFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(audit()).doesNotContain("service_login {}");

        clock.advance(Duration.ofSeconds(1));
        assertThat(pin.lockedFor()).isZero();
        assertThat(pin.check("246824".toCharArray()).result()).isEqualTo(ServicePin.Result.OK);
        assertThat(audit()).last().isEqualTo("service_login {}");
    }

    /** Five wrong PINs from {@code pin}; asserts they end in a lockout of {@code length}. */
    private void lockOut(ServicePin pin, Duration length) {
        for (int i = 1; i < ServicePin.MAX_FAILURES; i++) {
            assertThat(pin.check("999999".toCharArray()).result()).isEqualTo(ServicePin.Result.WRONG);
        }
        ServicePin.Attempt last = pin.check("999999".toCharArray());
        assertThat(last.result()).isEqualTo(ServicePin.Result.LOCKED);
        assertThat(last.lockedFor()).isEqualTo(length);
    }

    /** What a restart does to the gate: a new journal and a new gate over the same files. */
    private ServicePin restart(Path pinFile) {
        journal.close();
        journal = Journal.open(dir.resolve("var/journal.db"), "0042", clock);
        return gate(pinFile);
    }

    @Test
    void theLockoutSurvivesARestartAndEachOneLastsLongerUntilTheRightPin() throws Exception {
        Path f = pinFile("246824");
        ServicePin pin = gate(f);
        lockOut(pin, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(2));
        pin = restart(f);
        assertThat(pin.lockedFor()).as("a restart clears nothing").isEqualTo(Duration.ofMinutes(3));
        assertThat(pin.check("246824".toCharArray()).result()).isEqualTo(ServicePin.Result.LOCKED);

        clock.advance(Duration.ofMinutes(3));
        lockOut(pin, Duration.ofMinutes(30));
        for (Duration next : List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofHours(24),
                Duration.ofHours(24))) {
            clock.advance(pin.lockedFor());
            pin = restart(f);
            lockOut(pin, next);
        }
        assertThat(audit()).filteredOn(a -> a.startsWith("service_pin_locked")).hasSize(6)
                .last().asString().contains("\"seconds\":86400").contains("\"lockout\":6");

        clock.advance(Duration.ofHours(24));
        pin = restart(f);
        assertThat(pin.check("246824".toCharArray()).result()).isEqualTo(ServicePin.Result.OK);
        lockOut(pin, Duration.ofMinutes(5));
    }

    @Test
    void aFourDigitPinSetByAnOlderBuildIsRefusedWithTheReasonAndCountsNoFailure() throws Exception {
        Path f = dir.resolve("old-pin.hash");
        byte[] salt = new byte[PinHash.SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec("2468".toCharArray(), salt, PinHash.ITERATIONS, PinHash.HASH_BYTES * 8);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        ServiceCommand.SetPin.write(f, new PinHash(PinHash.ITERATIONS, salt, hash).format());
        ServicePin pin = gate(f);

        ServicePin.Attempt a = pin.check("2468".toCharArray());
        assertThat(a.result()).isEqualTo(ServicePin.Result.TOO_SHORT);
        assertThat(a.failuresLeft()).isEqualTo(ServicePin.MAX_FAILURES);
        assertThat(pin.check("1357".toCharArray()).result()).isEqualTo(ServicePin.Result.WRONG);
        assertThat(audit()).noneMatch(x -> x.startsWith("service_login"));
    }

    @Test
    void aLoginResetsTheCountOfWrongPins() throws Exception {
        ServicePin pin = gate(pinFile("246824"));
        for (int i = 0; i < 4; i++) {
            pin.check("000000".toCharArray());
        }
        assertThat(pin.check("246824".toCharArray()).result()).isEqualTo(ServicePin.Result.OK);
        assertThat(pin.check("000000".toCharArray()).failuresLeft()).isEqualTo(4);
    }

    @Test
    void malformedInputCountsAsWrong() throws Exception {
        ServicePin pin = gate(pinFile("246824"));
        assertThat(pin.check("24a824".toCharArray()).result()).isEqualTo(ServicePin.Result.WRONG);
        assertThat(pin.check(new char[0]).result()).isEqualTo(ServicePin.Result.WRONG);
    }

    @Test
    void noFileConfiguredMeansNoServiceMenu() {
        ServicePin pin = gate(null);
        assertThat(pin.availability().available()).isFalse();
        assertThat(pin.availability().problem()).contains("ui.servicePinHashFile");
        assertThat(pin.check("1234".toCharArray()).result()).isEqualTo(ServicePin.Result.UNAVAILABLE);
        assertThat(audit()).isEmpty();
    }

    @Test
    void aMissingFileSaysHowToSetThePinWithoutShowingItsPath() {
        Path missing = dir.resolve("nope.hash");
        ServicePin pin = gate(missing);
        assertThat(pin.availability().problem()).contains("not set").contains("set-pin")
                .doesNotContain(missing.toString()).doesNotContain(dir.toString());
        assertThat(pin.check("246824".toCharArray()).problem()).doesNotContain(dir.toString());
    }

    @Test
    void aGroupReadableFileIsRefused() throws Exception {
        Path f = pinFile("246824");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        ServicePin pin = gate(f);
        assertThat(pin.availability().problem()).contains("group or others").contains("chmod 600")
                .doesNotContain(dir.toString());
        assertThat(pin.check("246824".toCharArray()).result()).isEqualTo(ServicePin.Result.UNAVAILABLE);
    }

    @Test
    void wrongFormatFilesAreRefusedWithTheReason() throws Exception {
        String salt = Base64.getEncoder().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> PinHash.parse("1234")).hasMessageContaining("not a service PIN file");
        assertThatThrownBy(() -> PinHash.parse("topup-pin v2 pbkdf2-sha256 210000 " + salt + " " + hash))
                .hasMessageContaining("version 'v2'");
        assertThatThrownBy(() -> PinHash.parse("topup-pin v1 md5 210000 " + salt + " " + hash))
                .hasMessageContaining("'md5' is not supported");
        assertThatThrownBy(() -> PinHash.parse("topup-pin v1 pbkdf2-sha256 1000 " + salt + " " + hash))
                .hasMessageContaining("below the minimum 200000");
        assertThatThrownBy(() -> PinHash.parse("topup-pin v1 pbkdf2-sha256 lots " + salt + " " + hash))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> PinHash.parse("topup-pin v1 pbkdf2-sha256 210000 !!! " + hash))
                .hasMessageContaining("salt is not base64");
        assertThatThrownBy(() -> PinHash.parse("topup-pin v1 pbkdf2-sha256 210000 " + salt + " AAAA"))
                .hasMessageContaining("hash is 3 bytes (expected 32)");

        Path f = dir.resolve("bad.hash");
        ServiceCommand.SetPin.write(f, "1234\n");
        ServicePin pin = gate(f);
        assertThat(pin.availability().available()).isFalse();
        assertThat(pin.availability().problem()).contains("not a service PIN file").doesNotContain(dir.toString());
    }

    @Test
    void setPinFromStdinWritesAnOwnerOnlyFileTheGateAccepts() throws Exception {
        Path f = dir.resolve("etc/service-pin.hash");
        StringWriter out = new StringWriter();
        assertThat(setPin(out, "975310\n", "--file", f.toString(), "--stdin")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("service PIN set");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(gate(f).check("975310".toCharArray()).result()).isEqualTo(ServicePin.Result.OK);
    }

    @Test
    void setPinRefusesWhatIsNotSixToTwelveDigits() throws Exception {
        Path f = dir.resolve("service-pin.hash");
        for (String bad : new String[] {"1234", "12345", "123", "1234567890123", "12a456", ""}) {
            StringWriter out = new StringWriter();
            assertThat(setPin(out, bad + "\n", "--file", f.toString(), "--stdin")).as(bad).isEqualTo(1);
            assertThat(out.toString()).contains("6 to 12 digits");
        }
        assertThatThrownBy(() -> PinHash.create("2468".toCharArray(), new SecureRandom()))
                .hasMessageContaining("6 to 12 digits");
        assertThat(f).doesNotExist();
    }

    private static int setPin(StringWriter out, String stdin, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)));
        try {
            CommandLine cl = new CommandLine(new KioskCtl());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(out, true));
            String[] all = new String[args.length + 2];
            all[0] = "service";
            all[1] = "set-pin";
            System.arraycopy(args, 0, all, 2, args.length);
            return cl.execute(all);
        } finally {
            System.setIn(old);
        }
    }
}
