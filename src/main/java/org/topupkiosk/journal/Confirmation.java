package org.topupkiosk.journal;

import java.util.Objects;

/** A carrier's confirmation of one order, for {@link Journal#confirmAll}. */
public record Confirmation(String txnId, String carrierRef) {
    public Confirmation {
        Objects.requireNonNull(txnId, "txnId");
    }
}
