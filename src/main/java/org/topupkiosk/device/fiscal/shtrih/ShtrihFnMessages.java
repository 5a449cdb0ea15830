package org.topupkiosk.device.fiscal.shtrih;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Layouts of the fiscal-storage (FF xx) commands: the storage's status, serial number and expiry, the exchange with
 * the fiscal data operator, the shift's parameters, a document found by number and the answer of closing a receipt.
 * Each record has {@code encode()} and {@code decode(byte[])}; for answers the bytes are the data after the error
 * byte, for {@link FindDocument} the parameters after the password.
 */
public final class ShtrihFnMessages {

    /** Document types of the storage (FF01 "current document", FF0A "document type"). */
    public static final int DOC_REGISTRATION = 1;
    public static final int DOC_SHIFT_OPEN = 2;
    public static final int DOC_RECEIPT = 3;
    public static final int DOC_BSO = 4;
    public static final int DOC_SHIFT_CLOSE = 5;

    /** Receipt signs as the storage stores them (1054): 1 income, 2 income return. */
    public static final int SIGN_INCOME = 1;
    public static final int SIGN_INCOME_RETURN = 2;

    private ShtrihFnMessages() {
    }

    /** FF01: life phase, open document, shift flag, warnings, last document's date and number, the serial. */
    public record FnStatus(int lifePhase, int currentDocument, boolean documentDataReceived, boolean shiftOpen,
            int warnings, LocalDateTime lastDocumentAt, String serial, long lastDocumentNumber) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("fn.phase", lifePhase).u8("fn.currentDocument", currentDocument)
                    .u8("fn.dataReceived", documentDataReceived ? 1 : 0).u8("fn.shiftOpen", shiftOpen ? 1 : 0)
                    .u8("fn.warnings", warnings).dateTime5("fn.lastDocumentAt", lastDocumentAt)
                    .ascii("fn.serial", serial, 16).le("fn.lastDocument", lastDocumentNumber, 4).toBytes();
        }

        public static FnStatus decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            return new FnStatus(in.u8("fn.phase"), in.u8("fn.currentDocument"), in.u8("fn.dataReceived") != 0,
                    in.u8("fn.shiftOpen") != 0, in.u8("fn.warnings"), in.dateTime5("fn.lastDocumentAt"),
                    in.ascii("fn.serial", 16), in.le("fn.lastDocument", 4));
        }
    }

    /** FF02: the storage's 16-character serial number. */
    public record FnSerial(String serial) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().ascii("fn.serial", serial, 16).toBytes();
        }

        public static FnSerial decode(byte[] data) {
            return new FnSerial(new ShtrihBytes.Reader(data).ascii("fn.serial", 16));
        }
    }

    /** FF03: the last day the storage may sign, and its re-registrations left and done. */
    public record FnExpiry(LocalDate validUntil, int registrationsLeft, int registrationsDone) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().dateYmd("fn.validUntil", validUntil)
                    .u8("fn.registrationsLeft", registrationsLeft).u8("fn.registrationsDone", registrationsDone)
                    .toBytes();
        }

        public static FnExpiry decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            return new FnExpiry(in.dateYmd("fn.validUntil"), in.u8("fn.registrationsLeft"),
                    in.u8("fn.registrationsDone"));
        }
    }

    /**
     * FF39: the exchange with the fiscal data operator: status bits, whether a message is being read, how many
     * documents wait to be sent, and the first of them (number and date; zeros when none wait).
     */
    public record ExchangeStatus(int status, boolean reading, int unsent, long firstUnsentNumber,
            Optional<LocalDateTime> firstUnsentAt) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("exchange.status", status).u8("exchange.reading", reading ? 1 : 0)
                    .le("exchange.unsent", unsent, 2).le("exchange.firstNumber", firstUnsentNumber, 4)
                    .dateTime5("exchange.firstAt", firstUnsentAt).toBytes();
        }

        public static ExchangeStatus decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            return new ExchangeStatus(in.u8("exchange.status"), in.u8("exchange.reading") != 0,
                    in.u16("exchange.unsent"), in.le("exchange.firstNumber", 4),
                    in.optionalDateTime5("exchange.firstAt"));
        }
    }

    /** FF40: whether the shift is open, its number and the receipt number within it. */
    public record ShiftParameters(boolean open, int shiftNumber, int receiptNumber) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("shift.open", open ? 1 : 0).le("shift.number", shiftNumber, 2)
                    .le("shift.receipt", receiptNumber, 2).toBytes();
        }

        public static ShiftParameters decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            return new ShiftParameters(in.u8("shift.open") != 0, in.u16("shift.number"), in.u16("shift.receipt"));
        }
    }

    /** FF0A parameters: the fiscal document number to look up. */
    public record FindDocument(long number) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().le("find.number", number, 4).toBytes();
        }

        public static FindDocument decode(byte[] params) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(params);
            FindDocument f = new FindDocument(in.le("find.number", 4));
            in.end("find");
            return f;
        }
    }

    /**
     * FF0A answer: the document's type, whether the operator's ticket came, its date, number and fiscal sign, then per
     * type: for a receipt its sign (1054) and total in kopecks, for a shift document the shift's number.
     */
    public record FoundDocument(int type, boolean ticketReceived, LocalDateTime at, long number, long fiscalSign,
            int receiptSign, long amount, int shiftNumber) {

        public boolean receipt() {
            return type == DOC_RECEIPT || type == DOC_BSO;
        }

        public boolean shiftDocument() {
            return type == DOC_SHIFT_OPEN || type == DOC_SHIFT_CLOSE;
        }

        public byte[] encode() {
            ShtrihBytes.Writer w = new ShtrihBytes.Writer().u8("document.type", type)
                    .u8("document.ticket", ticketReceived ? 1 : 0).dateTime5("document.at", at)
                    .le("document.number", number, 4).le("document.fiscalSign", fiscalSign, 4);
            if (receipt()) {
                w.u8("document.sign", receiptSign).le("document.amount", amount, 5);
            } else if (shiftDocument()) {
                w.le("document.shift", shiftNumber, 2);
            }
            return w.toBytes();
        }

        public static FoundDocument decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            int type = in.u8("document.type");
            boolean ticket = in.u8("document.ticket") != 0;
            LocalDateTime at = in.dateTime5("document.at");
            long number = in.le("document.number", 4);
            long sign = in.le("document.fiscalSign", 4);
            int receiptSign = 0;
            long amount = 0;
            int shift = 0;
            if (type == DOC_RECEIPT || type == DOC_BSO) {
                receiptSign = in.u8("document.sign");
                amount = in.le("document.amount", 5);
            } else if (type == DOC_SHIFT_OPEN || type == DOC_SHIFT_CLOSE) {
                shift = in.u16("document.shift");
            }
            return new FoundDocument(type, ticket, at, number, sign, receiptSign, amount, shift);
        }
    }

    /** FF45 answer: the change, the fiscal document's number and sign and (on newer firmware) its date and time. */
    public record CloseResult(long change, long documentNumber, long fiscalSign, Optional<LocalDateTime> at) {

        public byte[] encode() {
            ShtrihBytes.Writer w = new ShtrihBytes.Writer().le("close.change", change, 5)
                    .le("close.number", documentNumber, 4).le("close.fiscalSign", fiscalSign, 4);
            at.ifPresent(t -> w.dateTime5("close.at", t));
            return w.toBytes();
        }

        public static CloseResult decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            long change = in.le("close.change", 5);
            long number = in.le("close.number", 4);
            long sign = in.le("close.fiscalSign", 4);
            Optional<LocalDateTime> at = in.remaining() >= 5 ? Optional.of(in.dateTime5("close.at"))
                    : Optional.empty();
            return new CloseResult(change, number, sign, at);
        }
    }
}
