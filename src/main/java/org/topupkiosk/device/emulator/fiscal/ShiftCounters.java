package org.topupkiosk.device.emulator.fiscal;

import java.time.LocalDateTime;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalDocument;

/**
 * The shift as the storage knows it from its own documents: open or closed, its number, when it opened, and its totals
 * for the X and Z reports. Replayed from the archive on a restart, so it needs no state of its own on disk.
 */
public final class ShiftCounters {

    /** One reading of the counters. */
    public record Snapshot(boolean open, int number, Optional<LocalDateTime> openedAt, int receipts, long incomeMinor,
            long returnMinor) {}

    ShiftCounters() {}

    private boolean open;
    private int number;
    private LocalDateTime openedAt;
    private int receipts;
    private long income;
    private long returns;

    void apply(FnDocument d) {
        switch (d.kind()) {
            case SHIFT_OPEN -> {
                open = true;
                number = d.shift();
                openedAt = d.dateTime();
                receipts = 0;
                income = 0;
                returns = 0;
            }
            case SHIFT_CLOSE -> {
                open = false;
                openedAt = null;
            }
            case RECEIPT_INCOME -> {
                receipts++;
                income += d.sumMinor();
            }
            case RECEIPT_INCOME_RETURN -> {
                receipts++;
                returns += d.sumMinor();
            }
            case OTHER -> { }
        }
    }

    int number() {
        return number;
    }

    Snapshot snapshot() {
        return new Snapshot(open, number, Optional.ofNullable(openedAt), receipts, income, returns);
    }

    static boolean isReceipt(FiscalDocument.Kind k) {
        return k == FiscalDocument.Kind.RECEIPT_INCOME || k == FiscalDocument.Kind.RECEIPT_INCOME_RETURN;
    }
}
