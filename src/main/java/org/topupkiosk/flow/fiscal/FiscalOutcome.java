package org.topupkiosk.flow.fiscal;

import org.topupkiosk.flow.core.FiscalQr;
import org.topupkiosk.journal.FiscalRecord;

/** How a registration ended, for the flow that waits on it. */
public sealed interface FiscalOutcome {

    String txnId();

    /** The register signed it and the journal holds its document ({@code adopted}: found after a failure or crash). */
    record Registered(String txnId, FiscalRecord record, boolean refund) implements FiscalOutcome {

        /** The tax service's check code for the customer's receipt. */
        public String qrText() {
            return FiscalQr.text(record, refund);
        }
    }

    /**
     * Not registered. {@code unknown}: the register stopped answering and may have signed it; the intent stays open and
     * the next recovery adopts its document or gives it up. Otherwise the journal says it was given up (or it was
     * never sent: the register was not ready).
     */
    record NotRegistered(String txnId, String reason, boolean unknown) implements FiscalOutcome {}

}
