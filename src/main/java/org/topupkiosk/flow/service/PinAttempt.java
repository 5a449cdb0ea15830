package org.topupkiosk.flow.service;

import java.time.Duration;

/**
 * What one PIN attempt gave. {@code failuresLeft} counts down to the lockout; {@code lockedFor} is how long the
 * lockout still runs; {@code problem} says why the gate is unavailable.
 */
public record PinAttempt(Result result, int failuresLeft, Duration lockedFor, String problem) {

    /** {@code TOO_SHORT}: the right PIN, but shorter than the rule allows now: refused until a new one is set. */
    public enum Result { OK, WRONG, LOCKED, UNAVAILABLE, TOO_SHORT }
}
