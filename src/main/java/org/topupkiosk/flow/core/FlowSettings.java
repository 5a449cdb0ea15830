package org.topupkiosk.flow.core;

import java.time.Duration;
import java.util.List;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.receipt.ReceiptFacts;

/**
 * The flow's knobs, taken from the validated configuration by the composition root.
 *
 * @param offlineLimit   the most money that may wait in the outbox for a carrier that is not answering
 * @param submitWait     how long the submitting screen waits for the carrier before saying "credited shortly"
 * @param finishAfter    how long the done and voucher screens stay before going back to idle
 */
public record FlowSettings(
        String kioskId,
        String address,
        String supportPhone,
        Lang defaultLanguage,
        int receiptColumns,
        Money orderCashLimit,
        List<Money> acceptedNotes,
        boolean offlineSalesAllowed,
        Money offlineLimit,
        Duration inactivityWarning,
        Duration inactivityCountdown,
        Duration carrierCheckTimeout,
        Duration submitWait,
        Duration finishAfter,
        String lookupUrlBase) {

    public FlowSettings {
        acceptedNotes = List.copyOf(acceptedNotes);
    }

    /** The kiosk as its receipts name it. */
    public ReceiptFacts.Kiosk receiptKiosk() {
        return new ReceiptFacts.Kiosk(kioskId, address, supportPhone, lookupUrlBase);
    }
}
