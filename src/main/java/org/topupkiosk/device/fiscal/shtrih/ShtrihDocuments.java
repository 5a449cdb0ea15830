package org.topupkiosk.device.fiscal.shtrih;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalStatus;

/**
 * The reading side of the driver: the register's status from its full status (11h), the storage's status, expiry and
 * exchange (FF01, FF03, FF39) and the shift's parameters (FF40); documents by number (FF0A) as
 * {@link FiscalDocument}s. The register does not report when the open shift began, so it is read from the shift's
 * opening document, found near {@code last document - receipts in the shift} and remembered for the shift.
 */
final class ShtrihDocuments {

    /** One command to the register, answering the data of a successful answer (a refusal throws). */
    interface Caller {
        byte[] data(ShtrihCommand command, byte[] params) throws DeviceException;
    }

    private static final int SHIFT_OPEN_SEARCH = 8;

    private final Caller caller;
    private String fnSerial;
    private String openedShiftKey;
    private LocalDateTime openedShiftAt;

    ShtrihDocuments(Caller caller) {
        this.caller = caller;
    }

    ShtrihStatusMessages.FullStatus fullStatus() throws DeviceException {
        return ShtrihStatusMessages.FullStatus.decode(caller.data(ShtrihCommand.FULL_STATUS, new byte[0]));
    }

    ShtrihFnMessages.FnStatus fnStatus() throws DeviceException {
        ShtrihFnMessages.FnStatus s = ShtrihFnMessages.FnStatus.decode(caller.data(ShtrihCommand.FN_STATUS,
                new byte[0]));
        fnSerial = s.serial();
        return s;
    }

    ShtrihFnMessages.ShiftParameters shift() throws DeviceException {
        return ShtrihFnMessages.ShiftParameters.decode(caller.data(ShtrihCommand.FN_SHIFT_PARAMETERS, new byte[0]));
    }

    /** The storage's serial number, read once (FF02) and kept: a storage is not swapped while the kiosk runs. */
    String fnSerial() throws DeviceException {
        if (fnSerial == null) {
            fnSerial = ShtrihFnMessages.FnSerial.decode(caller.data(ShtrihCommand.FN_SERIAL, new byte[0])).serial();
        }
        return fnSerial;
    }

    FiscalStatus status() throws DeviceException {
        ShtrihStatusMessages.FullStatus full = fullStatus();
        ShtrihFnMessages.FnStatus fn = fnStatus();
        LocalDate validUntil = ShtrihFnMessages.FnExpiry.decode(caller.data(ShtrihCommand.FN_EXPIRY, new byte[0]))
                .validUntil();
        ShtrihFnMessages.ExchangeStatus exchange = ShtrihFnMessages.ExchangeStatus.decode(
                caller.data(ShtrihCommand.FN_EXCHANGE_STATUS, new byte[0]));
        ShtrihFnMessages.ShiftParameters shift = shift();
        Optional<LocalDateTime> openedAt = shift.open() ? shiftOpenedAt(fn, shift) : Optional.empty();
        FiscalStatus.Paper paper = full.paperOut() ? FiscalStatus.Paper.OUT
                : full.paperNearEnd() ? FiscalStatus.Paper.NEAR_END : FiscalStatus.Paper.OK;
        return new FiscalStatus(shift.open(), shift.shiftNumber(), openedAt, full.receiptOpen(), fn.serial(),
                validUntil, exchange.unsent(), exchange.unsent() > 0 ? exchange.firstUnsentAt() : Optional.empty(),
                fn.lastDocumentNumber(), paper);
    }

    /** The last document in the storage, or empty on a fresh one. */
    Optional<FiscalDocument> last() throws DeviceException {
        ShtrihFnMessages.FnStatus fn = fnStatus();
        if (fn.lastDocumentNumber() == 0) {
            return Optional.empty();
        }
        return Optional.of(document(fn.lastDocumentNumber(), shift().shiftNumber()));
    }

    ShtrihFnMessages.FoundDocument find(long number) throws DeviceException {
        return ShtrihFnMessages.FoundDocument.decode(caller.data(ShtrihCommand.FN_FIND_DOCUMENT,
                new ShtrihFnMessages.FindDocument(number).encode()));
    }

    /** Document {@code number} as the port's record; receipts take {@code shiftNumber}, shift documents their own. */
    FiscalDocument document(long number, int shiftNumber) throws DeviceException {
        ShtrihFnMessages.FoundDocument d = find(number);
        FiscalDocument.Kind kind = switch (d.type()) {
            case ShtrihFnMessages.DOC_RECEIPT, ShtrihFnMessages.DOC_BSO ->
                d.receiptSign() == ShtrihFnMessages.SIGN_INCOME_RETURN ? FiscalDocument.Kind.RECEIPT_INCOME_RETURN
                        : d.receiptSign() == ShtrihFnMessages.SIGN_INCOME ? FiscalDocument.Kind.RECEIPT_INCOME
                        : FiscalDocument.Kind.OTHER;
            case ShtrihFnMessages.DOC_SHIFT_OPEN -> FiscalDocument.Kind.SHIFT_OPEN;
            case ShtrihFnMessages.DOC_SHIFT_CLOSE -> FiscalDocument.Kind.SHIFT_CLOSE;
            default -> FiscalDocument.Kind.OTHER;
        };
        return new FiscalDocument(kind, d.number(), d.fiscalSign(), d.at(), d.receipt() ? d.amount() : 0, fnSerial(),
                d.shiftDocument() ? d.shiftNumber() : shiftNumber);
    }

    private Optional<LocalDateTime> shiftOpenedAt(ShtrihFnMessages.FnStatus fn, ShtrihFnMessages.ShiftParameters s)
            throws DeviceException {
        String key = fn.serial() + "/" + s.shiftNumber();
        if (key.equals(openedShiftKey)) {
            return Optional.of(openedShiftAt);
        }
        long guess = fn.lastDocumentNumber() - s.receiptNumber();
        for (int step = 0; step < SHIFT_OPEN_SEARCH; step++) {
            long n = guess + (step % 2 == 0 ? -(step / 2) : (step + 1) / 2);
            if (n < 1 || n > fn.lastDocumentNumber()) {
                continue;
            }
            ShtrihFnMessages.FoundDocument d = find(n);
            if (d.type() == ShtrihFnMessages.DOC_SHIFT_OPEN && d.shiftNumber() == s.shiftNumber()) {
                openedShiftKey = key;
                openedShiftAt = d.at();
                return Optional.of(d.at());
            }
        }
        return Optional.empty();
    }
}
