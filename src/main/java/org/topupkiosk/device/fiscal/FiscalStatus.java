package org.topupkiosk.device.fiscal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What the register says about itself.
 *
 * @param shiftOpen      whether a shift is open
 * @param shiftNumber    the current shift's number (the last closed one's when none is open)
 * @param shiftOpenedAt  when the open shift began, on the register's clock; empty when none is open
 * @param receiptOpen    a receipt was opened and neither closed nor cancelled (after a crash)
 * @param fnSerial       the fiscal storage's serial number, 16 digits
 * @param fnValidUntil   the last day the storage may sign documents
 * @param unsentDocuments documents not yet acknowledged by the fiscal data operator (ОФД)
 * @param oldestUnsent   the date of the oldest of them; empty when none
 * @param lastDocumentNumber the number of the last fiscal document (0 on a fresh storage)
 * @param paper          the paper roll
 */
public record FiscalStatus(boolean shiftOpen, int shiftNumber, Optional<LocalDateTime> shiftOpenedAt,
        boolean receiptOpen, String fnSerial, LocalDate fnValidUntil, int unsentDocuments,
        Optional<LocalDateTime> oldestUnsent, long lastDocumentNumber, Paper paper) {

    public enum Paper { OK, NEAR_END, OUT }

    public FiscalStatus {
        Objects.requireNonNull(shiftOpenedAt, "shiftOpenedAt");
        Objects.requireNonNull(fnSerial, "fnSerial");
        Objects.requireNonNull(fnValidUntil, "fnValidUntil");
        Objects.requireNonNull(oldestUnsent, "oldestUnsent");
        Objects.requireNonNull(paper, "paper");
    }
}
