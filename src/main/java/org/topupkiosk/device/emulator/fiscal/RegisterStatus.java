package org.topupkiosk.device.emulator.fiscal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Everything the emulated register reports about itself, read by the status commands (full status, FN status, exchange
 * status, shift parameters) and by tests.
 *
 * @param mode            Shtrih-M register mode: 2 shift open, 3 shift open over 24 h, 4 shift closed, 8 receipt open
 * @param submode         0 paper present, 1 no paper (passive: nothing was printing)
 * @param receiptType     the open receipt's sign (1054: 1 приход, 2 возврат прихода), 0 when none is open
 * @param receiptNumber   the number of the next receipt in this shift (from 1)
 * @param firstUnsent     number of the oldest document the operator has not acknowledged, 0 when none
 * @param firstUnsentAt   its date and time
 */
public record RegisterStatus(int mode, int submode, LocalDateTime now, boolean shiftOpen, boolean shiftOver24h,
        int shiftNumber, Optional<LocalDateTime> shiftOpenedAt, int receiptType, int receiptNumber,
        EmulatedRegister.Paper paper, String fnSerial, LocalDate fnValidUntil, boolean fnFull, boolean fnExpired,
        long lastDocumentNumber, Optional<LocalDateTime> lastDocumentAt, int unsentDocuments, long firstUnsent,
        Optional<LocalDateTime> firstUnsentAt) {

    public static final int MODE_SHIFT_OPEN = 2;
    public static final int MODE_SHIFT_OVER_24H = 3;
    public static final int MODE_SHIFT_CLOSED = 4;
    public static final int MODE_RECEIPT_OPEN = 8;

    public boolean receiptOpen() {
        return receiptType != 0;
    }
}
