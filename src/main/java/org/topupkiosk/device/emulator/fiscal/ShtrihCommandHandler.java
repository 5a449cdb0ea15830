package org.topupkiosk.device.emulator.fiscal;

import java.time.LocalDate;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.shtrih.ShtrihAnswer;
import org.topupkiosk.device.fiscal.shtrih.ShtrihCommand;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFnMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFormatException;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFrame;
import org.topupkiosk.device.fiscal.shtrih.ShtrihReceiptMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihRequest;
import org.topupkiosk.device.fiscal.shtrih.ShtrihStatusMessages;

/**
 * The register's answer to one request frame, with the layouts the driver shares (FISCAL-WIRE's messages): the request
 * is decoded, its password checked, the command run on the {@link EmulatedRegister}, and the answer encoded, a refusal
 * as its error byte with no data. A command this register does not know answers 37h, parameters it cannot read 33h.
 * A power cut while the command runs propagates ({@link EmulatedRegister.PowerCut}): there is no answer.
 */
final class ShtrihCommandHandler {

    /** FF01 life phase: fiscal mode. */
    private static final int FN_PHASE_FISCAL = 3;
    /** FF01 current document: none open, or a receipt. */
    private static final int FN_DOC_NONE = 0;
    private static final int FN_DOC_RECEIPT = 4;
    /** FF01 warnings: bit 0 replace urgently (3 days left), bit 2 memory 90 % full. */
    private static final int FN_WARN_REPLACE = 1;
    private static final int FN_WARN_MEMORY = 1 << 2;
    private static final int OPERATOR_NUMBER = 1;
    private static final int ADMIN_NUMBER = 30;
    private static final long REGISTER_SERIAL = 12345678L;
    private static final long OWNER_INN = 7700000000L;

    private final EmulatedRegister register;

    ShtrihCommandHandler(EmulatedRegister register) {
        this.register = register;
    }

    ShtrihAnswer handle(ShtrihFrame frame) {
        int code;
        try {
            code = frame.command();
        } catch (ShtrihFormatException e) {
            return new ShtrihAnswer(0, RegisterRefusal.UNSUPPORTED, new byte[0]);
        }
        Optional<ShtrihCommand> known = ShtrihCommand.of(code);
        if (known.isEmpty()) {
            return new ShtrihAnswer(code, RegisterRefusal.UNSUPPORTED, new byte[0]);
        }
        ShtrihCommand command = known.get();
        try {
            ShtrihRequest request = ShtrihRequest.decode(frame);
            int password = (int) request.password();
            int operator;
            if (command.password == ShtrihCommand.Password.ADMIN) {
                register.checkAdmin(password);
                operator = ADMIN_NUMBER;
            } else {
                register.checkOperator(password);
                operator = register.isAdmin(password) ? ADMIN_NUMBER : OPERATOR_NUMBER;
            }
            return ShtrihAnswer.ok(command, run(command, request.params(), operator));
        } catch (RegisterRefusal r) {
            return ShtrihAnswer.refused(command, r.code());
        } catch (IllegalArgumentException e) { // ShtrihFormatException among them: parameters it cannot read
            return ShtrihAnswer.refused(command, RegisterRefusal.BAD_PARAMETERS);
        }
    }

    private byte[] run(ShtrihCommand command, byte[] params, int operator) throws RegisterRefusal {
        byte[] done = new ShtrihStatusMessages.OperatorAnswer(operator).encode();
        switch (command) {
            case SHORT_STATUS -> {
                RegisterStatus s = register.status();
                return new ShtrihStatusMessages.ShortStatus(operator, flags(s), s.mode(), s.submode(),
                        register.receiptOperations(), 0xB4, 0xC8, 0, 0).encode();
            }
            case FULL_STATUS -> {
                return fullStatus(register.status(), operator);
            }
            case PRINT_STRING -> {
                register.printLine(ShtrihReceiptMessages.PrintString.decode(params).text());
                return done;
            }
            case X_REPORT -> {
                register.xReport();
                return done;
            }
            case Z_REPORT -> {
                register.closeShift();
                return done;
            }
            case CANCEL_RECEIPT -> {
                register.cancelReceipt();
                return done;
            }
            case REPEAT_DOCUMENT -> {
                register.reprintLast();
                return done;
            }
            case OPEN_RECEIPT -> {
                int type = ShtrihReceiptMessages.OpenReceipt.decode(params).type();
                // 8Dh types: 0 sale, 1 purchase, 2 sale return, 3 purchase return; as 1054 signs: 1, 3, 2, 4.
                int[] sign = {1, 3, 2, 4};
                if (type < 0 || type > 3) {
                    throw new RegisterRefusal(RegisterRefusal.BAD_PARAMETERS, "receipt type " + type);
                }
                register.openReceipt(sign[type]);
                return done;
            }
            case CONTINUE_PRINT -> {
                register.continuePrint();
                return done;
            }
            case OPEN_SHIFT -> {
                register.openShift();
                return done;
            }
            default -> {
                return fn(command, params);
            }
        }
    }

    private byte[] fn(ShtrihCommand command, byte[] params) throws RegisterRefusal {
        switch (command) {
            case FN_STATUS -> {
                RegisterStatus s = register.status();
                int warnings = (s.fnValidUntil().isBefore(s.now().toLocalDate().plusDays(4)) ? FN_WARN_REPLACE : 0)
                        | (s.fnFull() ? FN_WARN_MEMORY : 0);
                return new ShtrihFnMessages.FnStatus(FN_PHASE_FISCAL, s.receiptOpen() ? FN_DOC_RECEIPT : FN_DOC_NONE,
                        register.receiptOperations() > 0, s.shiftOpen(), warnings,
                        s.lastDocumentAt().orElse(s.now()), s.fnSerial(), s.lastDocumentNumber()).encode();
            }
            case FN_SERIAL -> {
                return new ShtrihFnMessages.FnSerial(register.storage().serial()).encode();
            }
            case FN_EXPIRY -> {
                return new ShtrihFnMessages.FnExpiry(register.storage().validUntil(), 11, 1).encode();
            }
            case FN_FIND_DOCUMENT -> {
                long number = ShtrihFnMessages.FindDocument.decode(params).number();
                FnDocument d = register.findDocument(number);
                boolean ticket = register.storage().acknowledged(number);
                int sign = d.receipt().map(FnReceipt::sign).orElse(0);
                return new ShtrihFnMessages.FoundDocument(docType(d.kind()), ticket, d.dateTime(), d.number(),
                        d.fiscalSign(), sign, d.sumMinor(), d.shift()).encode();
            }
            case FN_WRITE_TLV -> {
                register.addTlv(params, false);
                return new byte[0];
            }
            case FN_WRITE_OPERATION_TLV -> {
                register.addTlv(params, true);
                return new byte[0];
            }
            case FN_EXCHANGE_STATUS -> {
                RegisterStatus s = register.status();
                // Status bits: bit 0 the transport connection is up, bit 1 a message waits to be sent.
                int status = (register.storage().ofdOnline() ? 1 : 0) | (s.unsentDocuments() > 0 ? 2 : 0);
                return new ShtrihFnMessages.ExchangeStatus(status, false, s.unsentDocuments(), s.firstUnsent(),
                        s.firstUnsentAt()).encode();
            }
            case FN_SHIFT_PARAMETERS -> {
                RegisterStatus s = register.status();
                return new ShtrihFnMessages.ShiftParameters(s.shiftOpen(), s.shiftNumber(), s.receiptNumber())
                        .encode();
            }
            case FN_CLOSE_RECEIPT_V2 -> {
                ShtrihReceiptMessages.CloseReceiptV2 c = ShtrihReceiptMessages.CloseReceiptV2.decode(params);
                long other = 0;
                for (int i = 1; i < c.payments().size(); i++) {
                    other = Math.addExact(other, c.payments().get(i));
                }
                EmulatedRegister.Closed closed = register.closeReceipt(c.cashMinor(), other, c.taxSystem());
                FnDocument d = closed.document();
                return new ShtrihFnMessages.CloseResult(closed.changeMinor(), d.number(), d.fiscalSign(),
                        Optional.of(d.dateTime())).encode();
            }
            case FN_OPERATION_V2 -> {
                ShtrihReceiptMessages.OperationV2 op = ShtrihReceiptMessages.OperationV2.decode(params);
                long sum = op.sumMinor() == ShtrihReceiptMessages.NOT_GIVEN
                        ? Math.multiplyExact(op.priceMinor(), op.quantityMicro()) / 1_000_000 : op.sumMinor();
                register.addOperation(new FnOperation(op.operation(), op.quantityMicro(), op.priceMinor(), sum,
                        op.taxRate(), op.method(), op.subject(), op.name(), null));
                return new byte[0];
            }
            default -> throw new RegisterRefusal(RegisterRefusal.UNSUPPORTED, command.label);
        }
    }

    private byte[] fullStatus(RegisterStatus s, int operator) {
        LocalDate firmwareDate = LocalDate.of(2024, 3, 1);
        int closedShift = s.shiftOpen() ? s.shiftNumber() - 1 : s.shiftNumber();
        return new ShtrihStatusMessages.FullStatus(operator, "A4", 31, firmwareDate, 1,
                (int) (s.lastDocumentNumber() & 0xFFFF), flags(s), s.mode(), s.submode(), 0, "A4", 31, firmwareDate,
                s.now().toLocalDate(), s.now().toLocalTime(), 0, REGISTER_SERIAL, closedShift, 2100, 1, 11,
                OWNER_INN).encode();
    }

    private static int flags(RegisterStatus s) {
        return switch (s.paper()) {
            case OUT -> 0;
            case NEAR_END -> ShtrihStatusMessages.FLAG_RECEIPT_PAPER;
            case OK -> ShtrihStatusMessages.FLAG_RECEIPT_PAPER | ShtrihStatusMessages.FLAG_RECEIPT_ROLL;
        };
    }

    private static int docType(FiscalDocument.Kind kind) {
        return switch (kind) {
            case SHIFT_OPEN -> ShtrihFnMessages.DOC_SHIFT_OPEN;
            case SHIFT_CLOSE -> ShtrihFnMessages.DOC_SHIFT_CLOSE;
            case RECEIPT_INCOME, RECEIPT_INCOME_RETURN -> ShtrihFnMessages.DOC_RECEIPT;
            case OTHER -> ShtrihFnMessages.DOC_REGISTRATION;
        };
    }
}
