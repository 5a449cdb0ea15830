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
import org.topupkiosk.journal.PinGates;

/**
 * The gate in front of the service menu. The PIN's salted slow hash ({@link PinHash}) lives in the owner-only file
 * named by {@code ui.servicePinHashFile}; it is read at each attempt, so {@code kioskctl service set-pin} takes effect
 * without a restart. Five wrong PINs in a row lock the gate, for 5 minutes, then 30 minutes, 2 hours, 8 hours and
 * 24 hours at most ({@link PinLockouts}); during a lockout even the right PIN is refused and no hash is computed. The
 * count and the lockout are kept in the journal ({@code pin_gates}), so a restart clears nothing, and every failure,
 * lockout and login is an audit row. A PIN has {@value PinHash#MIN_DIGITS} to {@value PinHash#MAX_DIGITS} digits; a
 * file made for a shorter PIN by an older build is refused with {@link Result#TOO_SHORT} even when the PIN typed is
 * right, so the technician sets a new one. What the screen gets as the problem never names a file.
 */
public final class ServicePin {

    private static final Logger log = LoggerFactory.getLogger(ServicePin.class);

    public static final int MAX_FAILURES = PinLockouts.MAX_FAILURES;
    /** The first lockout; each later one lasts longer (see {@link PinLockouts#LOCKOUTS}). */
    public static final Duration LOCKOUT = PinLockouts.lockout(1);
    /** The gate's name in the journal's {@code pin_gates}. */
    static final String GATE = "service";

    /** The screen's text when the gate is not configured or its file is unusable: no path, the fix in words. */
    static final String NOT_SET = "the service PIN is not set; set it with: kioskctl service set-pin";
    static final String UNUSABLE = "the service PIN file cannot be used; see the kiosk log and run: kioskctl service set-pin";

    public enum Result { OK, WRONG, LOCKED, UNAVAILABLE, TOO_SHORT }

    /**
     * What one attempt gave. {@code failuresLeft} counts down to the lockout; {@code lockedFor} is how long the
     * lockout still runs (zero when not locked); {@code problem} says why the gate is unavailable, for the service
     * screen (never a file path; the log has the details).
     */
    public record Attempt(Result result, int failuresLeft, Duration lockedFor, String problem) {}

    /** Whether the gate can be used at all, and if not, why (no file configured, file unreadable or malformed). */
    public record Availability(boolean available, String problem) {}

    private final Optional<Path> file;
    private final PinLockouts lockouts;
    /** The journal's lockout end as last read or written, so {@link #lockedFor()} never touches the journal. */
    private volatile Instant lockedUntil;

    /** Reads the lockout the journal holds (a restart keeps it). */
    public ServicePin(Optional<Path> file, PinGates gates, Clock clock) {
        this.file = file;
        this.lockouts = new PinLockouts(gates, clock);
        this.lockedUntil = lockouts.until(GATE);
    }

    public Availability availability() {
        try {
            load();
            return new Availability(true, null);
        } catch (IllegalStateException e) {
            return new Availability(false, e.getMessage());
        }
    }

    /** Time left on the lockout, zero when not locked. Does not block: the FX thread's countdown asks every second. */
    public Duration lockedFor() {
        return lockouts.left(lockedUntil);
    }

    /** Checks a typed PIN. Blocks for the hash (a few hundred ms): call it off the FX thread. */
    public synchronized Attempt check(char[] pin) {
        lockedUntil = lockouts.until(GATE);
        Duration locked = lockouts.left(lockedUntil);
        if (!locked.isZero()) {
            return new Attempt(Result.LOCKED, 0, locked, null);
        }
        PinHash stored;
        try {
            stored = load();
        } catch (IllegalStateException e) {
            return new Attempt(Result.UNAVAILABLE, lockouts.failuresLeft(GATE), Duration.ZERO, e.getMessage());
        }
        if (PinHash.typeable(pin) && stored.matches(pin)) {
            if (!PinHash.validPin(pin)) {
                log.warn("service PIN is shorter than {} digits: refused until a new one is set", PinHash.MIN_DIGITS);
                return new Attempt(Result.TOO_SHORT, lockouts.failuresLeft(GATE), Duration.ZERO, null);
            }
            lockouts.passed(GATE, "service_login", "{}");
            log.info("service login");
            return new Attempt(Result.OK, MAX_FAILURES, Duration.ZERO, null);
        }
        PinLockouts.Failure f = lockouts.failed(GATE, "service_pin_failed", "service_pin_locked", "");
        if (f.locked()) {
            lockedUntil = lockouts.until(GATE);
            log.warn("service PIN locked after {} wrong attempts for {}", MAX_FAILURES, f.lockedFor());
            return new Attempt(Result.LOCKED, 0, f.lockedFor(), null);
        }
        log.info("service PIN wrong failures_left={}", f.failuresLeft());
        return new Attempt(Result.WRONG, f.failuresLeft(), Duration.ZERO, null);
    }

    /** The stored hash; the exception's message is for the screen (no path), the log line names the file. */
    private PinHash load() {
        if (file.isEmpty()) {
            throw new IllegalStateException(NOT_SET + " (ui.servicePinHashFile)");
        }
        Path f = file.get();
        try {
            requireOwnerOnly(f);
            return PinHash.parse(Files.readString(f, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            log.warn("service PIN file {} not found; run: kioskctl service set-pin --file {}", f, f);
            throw new IllegalStateException(NOT_SET);
        } catch (IOException e) {
            log.warn("service PIN file {} cannot be read: {}", f, e.getMessage());
            throw new IllegalStateException(UNUSABLE);
        } catch (IllegalArgumentException e) {
            log.warn("service PIN file {}: {}", f, e.getMessage());
            throw new IllegalStateException(UNUSABLE + " (" + e.getMessage().replace(f.toString(), "FILE") + ")");
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
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 on it");
            }
        }
    }
}
