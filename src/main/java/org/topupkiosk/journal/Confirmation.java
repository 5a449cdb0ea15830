package org.topupkiosk.journal;

import java.util.Objects;

/**
 * A carrier's confirmation of one order, for {@link Journal#confirmAll}. {@code goods} is what the carrier issued for
 * an e-PIN or eSIM order (required for those, ignored for the others).
 */
public record Confirmation(String txnId, String carrierRef, Goods goods) {
    public Confirmation {
        Objects.requireNonNull(txnId, "txnId");
    }

    /** A confirmation without goods (a top-up or package). */
    public Confirmation(String txnId, String carrierRef) {
        this(txnId, carrierRef, null);
    }
}
