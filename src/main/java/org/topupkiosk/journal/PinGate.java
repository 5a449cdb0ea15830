package org.topupkiosk.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One PIN gate's lockout state as journaled ({@code pin_gates}): wrong PINs since the last lockout or correct PIN,
 * lockouts since the last correct PIN (the next lockout's length grows with it), and when the current lockout ends
 * ({@link Instant#EPOCH} when none ran).
 */
public record PinGate(int failures, int lockouts, Instant lockedUntil) {

    public static final PinGate FRESH = new PinGate(0, 0, Instant.EPOCH);

    public PinGate {
        if (failures < 0 || lockouts < 0) {
            throw new IllegalArgumentException("failures and lockouts are never negative");
        }
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        if (lockedUntil.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("lockedUntil before the epoch: " + lockedUntil);
        }
    }
}
