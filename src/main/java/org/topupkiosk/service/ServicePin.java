package org.topupkiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of the service menu. The PIN's salted slow hash ({@link PinHash}) lives in the owner-only file
 * named by {@code ui.servicePinHashFile}; it is read at each attempt, so {@code kioskctl service set-pin} takes effect
 * without a restart. Five wrong PINs in a row lock the gate for five minutes; during the lockout even the right PIN is
 * refused and no hash is computed. The counter lives in memory (a restart clears it, but a restart needs the door
 * key); every failure, lockout and login is an audit row in the journal.
 */
public final class ServicePin {

    private static final Logger log = LoggerFactory.getLogger(ServicePin.class);

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** Where audit rows go: {@code (kind, dataJson) -> journal.audit(kind, null, dataJson)} in the kiosk. */
    @FunctionalInterface
    public interface Audit {
        void record(String kind, String dataJson);
    }

    public enum Result { OK, WRONG, LOCKED, UNAVAILABLE }

    /**
     * What one attempt gave. {@code failuresLeft} counts down to the lockout; {@code lockedFor} is how long the
     * lockout still runs (zero when not locked); {@code problem} says why the gate is unavailable, for the service
     * screen and log (never shown to customers).
     */
    public record Attempt(Result result, int failuresLeft, Duration lockedFor, String problem) {}

    /** Whether the gate can be used at all, and if not, why (no file configured, file unreadable or malformed). */
    public record Availability(boolean available, String problem) {}

    private final Optional<Path> file;
    private final Audit audit;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public ServicePin(Optional<Path> file, Audit audit, Clock clock) {
        this.file = file;
        this.audit = audit;
        this.clock = clock;
    }

    public Availability availability() {
        try {
            load();
            return new Availability(true, null);
        } catch (IllegalStateException e) {
            return new Availability(false, e.getMessage());
        }
    }

    /** Time left on the lockout, zero when not locked. */
    public synchronized Duration lockedFor() {
        Duration left = Duration.between(clock.instant(), lockedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Checks a typed PIN. Blocks for the hash (a few hundred ms): call it off the FX thread. */
    public synchronized Attempt check(char[] pin) {
        Duration locked = lockedFor();
        if (!locked.isZero()) {
            return new Attempt(Result.LOCKED, 0, locked, null);
        }
        PinHash stored;
        try {
            stored = load();
        } catch (IllegalStateException e) {
            return new Attempt(Result.UNAVAILABLE, MAX_FAILURES - failures, Duration.ZERO, e.getMessage());
        }
        if (PinHash.validPin(pin) && stored.matches(pin)) {
            failures = 0;
            audit.record("service_login", "{}");
            log.info("service login");
            return new Attempt(Result.OK, MAX_FAILURES, Duration.ZERO, null);
        }
        failures++;
        audit.record("service_pin_failed", "{\"failures\":" + failures + "}");
        if (failures >= MAX_FAILURES) {
            failures = 0;
            lockedUntil = clock.instant().plus(LOCKOUT);
            audit.record("service_pin_locked", "{\"until\":\"" + lockedUntil + "\",\"seconds\":"
                    + LOCKOUT.toSeconds() + "}");
            log.warn("service PIN locked after {} wrong attempts until={}", MAX_FAILURES, lockedUntil);
            return new Attempt(Result.LOCKED, 0, LOCKOUT, null);
        }
        log.info("service PIN wrong failures={}", failures);
        return new Attempt(Result.WRONG, MAX_FAILURES - failures, Duration.ZERO, null);
    }

    private PinHash load() {
        Path f = file.orElseThrow(() -> new IllegalStateException("no service PIN is configured (ui.servicePinHashFile)"));
        try {
            requireOwnerOnly(f);
            return PinHash.parse(Files.readString(f, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("service PIN file " + f + " not found; run: kioskctl service set-pin --file " + f);
        } catch (IOException e) {
            throw new IllegalStateException("service PIN file " + f + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("service PIN file " + f + ": " + e.getMessage());
        }
    }

    /** Like the carrier key: a hash others can read invites an offline guess of a short PIN. */
    static void requireOwnerOnly(Path f) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(f);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        for (PosixFilePermission p : perms) {
            if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                throw new IllegalArgumentException("is accessible to group or others ("
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + f);
            }
        }
    }
}
