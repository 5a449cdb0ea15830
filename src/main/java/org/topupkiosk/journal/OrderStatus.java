package org.topupkiosk.journal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. OPEN collects cash; PENDING is submitted and waits in the outbox; CONFIRMED and
 * REFUSED are the carrier's final answers; CANCELLED is the customer walking away before submitting.
 */
public enum OrderStatus {
    OPEN, PENDING, CONFIRMED, REFUSED, CANCELLED;

    /** Orders whose cash and credit still belong to them (counted as applied in the journal invariant). */
    public static final Set<OrderStatus> LIVE = EnumSet.of(OPEN, PENDING, CONFIRMED);

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case OPEN -> next == PENDING || next == CANCELLED;
            case PENDING -> next == CONFIRMED || next == REFUSED;
            case CONFIRMED, REFUSED, CANCELLED -> false;
        };
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }
}
