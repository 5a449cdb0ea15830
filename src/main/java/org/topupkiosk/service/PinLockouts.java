package org.topupkiosk.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.topupkiosk.journal.PinGate;
import org.topupkiosk.journal.PinGates;

/**
 * The lockout policy shared by the service PIN and the cashiers' PINs, over the state the journal keeps
 * ({@link PinGates}), so a restart clears nothing. {@link #MAX_FAILURES} wrong PINs in a row lock the gate; each lockout
 * since the last correct PIN lasts longer than the one before ({@link #LOCKOUTS}, then 24 h each); a correct PIN resets
 * both counts. Every change is one journal transaction with its audit row (never the PIN).
 */
final class PinLockouts {

    static final int MAX_FAILURES = 5;
    /** The first, second, ... lockout; every later one lasts as long as the last. */
    static final List<Duration> LOCKOUTS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(8), Duration.ofHours(24));

    /** What a wrong PIN did: the failures left before a lockout, or the lockout that started (else zero). */
    record Failure(int failuresLeft, Duration lockedFor) {
        boolean locked() {
            return !lockedFor.isZero();
        }
    }

    private final PinGates gates;
    private final Clock clock;

    PinLockouts(PinGates gates, Clock clock) {
        this.gates = Objects.requireNonNull(gates, "gates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The {@code n}th lockout's length (1-based), capped at 24 h. */
    static Duration lockout(int n) {
        return LOCKOUTS.get(Math.min(Math.max(n, 1), LOCKOUTS.size()) - 1);
    }

    /** Time left on the gate's lockout; zero when none runs. */
    Duration lockedFor(String gate) {
        return left(until(gate));
    }

    /** When the gate's lockout ends (in the past when none runs), as journaled. */
    Instant until(String gate) {
        return gates.state(gate).lockedUntil();
    }

    /** Time from now to {@code until}; zero when it has passed. */
    Duration left(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Failures left before the next lockout. */
    int failuresLeft(String gate) {
        return MAX_FAILURES - gates.state(gate).failures();
    }

    /** A correct PIN: both counts back to zero, journaled with its audit row. */
    void passed(String gate, String auditKind, String auditJson) {
        gates.record(gate, PinGate.FRESH, auditKind, auditJson);
    }

    /**
     * A wrong PIN: one more failure, journaled as {@code failedKind} with {@code fields} (a JSON object's members
     * without braces, may be empty) and the count; the fifth starts the next lockout, journaled as {@code lockedKind}.
     */
    Failure failed(String gate, String failedKind, String lockedKind, String fields) {
        PinGate now = gates.state(gate);
        int failures = now.failures() + 1;
        String prefix = fields.isEmpty() ? "{" : "{" + fields + ",";
        if (failures < MAX_FAILURES) {
            gates.record(gate, new PinGate(failures, now.lockouts(), now.lockedUntil()), failedKind,
                    prefix + "\"failures\":" + failures + "}");
            return new Failure(MAX_FAILURES - failures, Duration.ZERO);
        }
        int lockouts = now.lockouts() + 1;
        Duration length = lockout(lockouts);
        Instant until = clock.instant().plus(length);
        gates.record(gate, new PinGate(failures, now.lockouts(), now.lockedUntil()), failedKind,
                prefix + "\"failures\":" + failures + "}");
        gates.record(gate, new PinGate(0, lockouts, until), lockedKind, prefix + "\"until\":\"" + until
                + "\",\"seconds\":" + length.toSeconds() + ",\"lockout\":" + lockouts + "}");
        return new Failure(0, length);
    }
}
