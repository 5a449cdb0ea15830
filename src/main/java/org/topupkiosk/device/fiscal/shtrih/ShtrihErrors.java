package org.topupkiosk.device.fiscal.shtrih;

import java.util.Optional;
import java.util.Set;
import org.topupkiosk.device.DeviceException;

/**
 * The error byte of a Shtrih-M answer, as text and as what the kiosk does about it. The texts follow the register's
 * protocol description for registers with a fiscal storage (ФН): 01-2F are the storage's own errors passed through,
 * the rest are the register's. Every one of the 256 values has a message; the few the service menu shows also have a
 * key in the message bundles ({@code fiscal.error.XX}) so a technician reads them in Russian, English or Chinese.
 */
public final class ShtrihErrors {

    public static final int OK = 0x00;
    public static final int FN_SHIFT_OVER_24H = 0x16;
    public static final int SHIFT_OVER_24H = 0x4E;
    public static final int BAD_PASSWORD = 0x4F;
    public static final int PRINTING_PREVIOUS = 0x50;
    public static final int WAITING_CONTINUE_PRINT = 0x58;
    public static final int NO_RECEIPT_PAPER = 0x6B;
    public static final int NO_JOURNAL_PAPER = 0x6C;
    public static final int NO_DOCUMENT_TO_REPEAT = 0x56;

    private static final String[] TEXT = new String[256];

    /** Codes whose text the service menu shows from the bundles. */
    private static final Set<Integer> BUNDLED = Set.of(0x02, 0x03, 0x05, 0x06, 0x07, 0x11, 0x12, 0x14, 0x15, 0x16,
            0x37, 0x3D, 0x45, 0x4A, 0x4E, 0x4F, 0x50, 0x55, 0x58, 0x6B, 0x6C, 0x71, 0x72, 0x73, 0x8E);

    static {
        String[][] table = {
            {"00", "no error"},
            {"01", "FN: unknown command, wrong frame format or unknown parameters"},
            {"02", "FN: the fiscal storage is in the wrong state for this command"},
            {"03", "FN: fiscal storage failure"},
            {"04", "FN: cryptographic coprocessor failure"},
            {"05", "FN: the fiscal storage's service life is over"},
            {"06", "FN: the fiscal storage's archive is full"},
            {"07", "FN: wrong date or time"},
            {"08", "FN: the requested data is not there"},
            {"09", "FN: a parameter of the command has a wrong value"},
            {"0A", "FN: command not supported in this mode"},
            {"0B", "FN: wrong length of the command"},
            {"10", "FN: TLV data too large"},
            {"11", "FN: no transport connection to the fiscal data operator"},
            {"12", "FN: the cryptographic coprocessor's resource is exhausted"},
            {"14", "FN: the storage resource is exhausted"},
            {"15", "FN: documents waited too long to be sent to the fiscal data operator"},
            {"16", "FN: the shift has lasted more than 24 hours"},
            {"17", "FN: wrong time difference between two operations"},
            {"18", "FN: a tag is not allowed by the registration parameters"},
            {"19", "FN: the FFD version does not fit this storage"},
            {"20", "FN: the fiscal data operator's message cannot be accepted"},
            {"2B", "the previous command cannot be cancelled"},
            {"2C", "the register's totals were already cleared (the Z report cannot be repeated)"},
            {"2D", "the receipt's total in the department is less than the void"},
            {"2E", "not enough cash in the register to pay out"},
            {"2F", "FN: timeout talking to the fiscal storage"},
            {"30", "FN: the fiscal storage answered NAK"},
            {"31", "FN: format error talking to the fiscal storage"},
            {"32", "FN: CRC error talking to the fiscal storage"},
            {"33", "wrong parameters in the command"},
            {"34", "no data"},
            {"35", "wrong parameter for the current settings"},
            {"36", "wrong parameters for this model"},
            {"37", "command not supported by this register"},
            {"38", "ROM error"},
            {"39", "internal software error of the register"},
            {"3A", "shift total of surcharges overflowed"},
            {"3B", "shift total overflowed"},
            {"3C", "the shift is open: operation not possible"},
            {"3D", "the shift is not open: operation not possible"},
            {"3E", "shift total by departments overflowed"},
            {"3F", "shift total of discounts overflowed"},
            {"40", "discount out of range"},
            {"41", "cash payment out of range"},
            {"42", "payment type 2 out of range"},
            {"43", "payment type 3 out of range"},
            {"44", "payment type 4 out of range"},
            {"45", "the payments are less than the receipt's total"},
            {"46", "not enough cash in the register"},
            {"47", "shift tax total overflowed"},
            {"48", "receipt total overflowed"},
            {"49", "operation not possible in an open receipt of this type"},
            {"4A", "a receipt is open: operation not possible"},
            {"4B", "the receipt buffer is full"},
            {"4C", "shift tax turnover overflowed"},
            {"4D", "the cashless payment is more than the receipt's total"},
            {"4E", "the shift has lasted more than 24 hours: close it with a Z report"},
            {"4F", "wrong password"},
            {"50", "the register is still printing the previous command"},
            {"51", "shift cash total overflowed"},
            {"52", "shift total of payment type 2 overflowed"},
            {"53", "shift total of payment type 3 overflowed"},
            {"54", "shift total of payment type 4 overflowed"},
            {"55", "the receipt is closed: operation not possible"},
            {"56", "no document to repeat"},
            {"58", "waiting for the continue-printing command"},
            {"59", "the document was opened by another operator"},
            {"5A", "the discount is more than the receipt's total"},
            {"5B", "surcharge out of range"},
            {"5C", "24 V supply voltage too low"},
            {"5D", "table not defined"},
            {"5E", "wrong operation"},
            {"5F", "negative receipt total"},
            {"60", "overflow in multiplication"},
            {"61", "price out of range"},
            {"62", "quantity out of range"},
            {"63", "department out of range"},
            {"65", "not enough money in the department"},
            {"66", "department total overflowed"},
            {"68", "not enough tax turnover"},
            {"69", "tax turnover overflowed"},
            {"6A", "power failure while answering on I2C"},
            {"6B", "out of receipt paper"},
            {"6C", "out of journal paper"},
            {"6D", "not enough tax"},
            {"6E", "tax overflowed"},
            {"6F", "shift pay-out total overflowed"},
            {"71", "cutter failure"},
            {"72", "command not supported in this submode"},
            {"73", "command not supported in this mode"},
            {"74", "RAM error"},
            {"75", "power failure"},
            {"76", "printer failure: no pulses from the tachometer"},
            {"77", "printer failure: no signal from the sensors"},
            {"78", "the firmware was replaced"},
            {"7A", "the field cannot be edited"},
            {"7B", "hardware failure"},
            {"7C", "the date does not match"},
            {"7D", "wrong date format"},
            {"7E", "wrong value in the length field"},
            {"7F", "receipt total out of range"},
            {"84", "cash total overflowed"},
            {"85", "shift sales total overflowed"},
            {"86", "shift purchases total overflowed"},
            {"87", "shift sale returns total overflowed"},
            {"88", "shift purchase returns total overflowed"},
            {"89", "shift cash-in total overflowed"},
            {"8A", "receipt surcharges overflowed"},
            {"8B", "receipt discounts overflowed"},
            {"8C", "negative receipt surcharge total"},
            {"8D", "negative receipt discount total"},
            {"8E", "zero receipt total"},
            {"8F", "the register is not fiscalised"},
            {"90", "the field is longer than the settings allow"},
            {"91", "the text runs past the print area for this font"},
            {"92", "fields overlap"},
            {"93", "RAM was restored"},
            {"94", "too many operations in the receipt"},
            {"96", "a day-end (Z report) is required"},
            {"9B", "wrong operation"},
            {"C0", "confirm the date and time"},
            {"C2", "supply voltage too high"},
            {"C4", "shift numbers do not match"},
            {"C6", "slip paper missing"},
            {"C7", "the field cannot be edited in this mode"},
            {"C8", "printer connection error"},
            {"C9", "the print head is overheated"},
            {"CA", "temperature out of range"},
            {"CB", "wrong receipt subtotal"},
            {"CE", "RAM or ROM overflow"},
            {"CF", "wrong date: set the date"},
            {"D1", "no documents in the buffer"},
            {"D2", "modem failure"},
            {"D5", "authentication error"},
        };
        for (String[] row : table) {
            TEXT[Integer.parseInt(row[0], 16)] = row[1];
        }
        for (int c = 0x80; c <= 0x83; c++) {
            TEXT[c] = "error talking to the fiscal memory";
        }
        for (int c = 0xA0; c <= 0xAF; c++) {
            if (TEXT[c] == null) {
                TEXT[c] = "electronic journal (EKLZ) error, not used with a fiscal storage";
            }
        }
    }

    private ShtrihErrors() {
    }

    /** The message for an error byte; a value the protocol does not describe says so, with its hex. */
    public static String message(int code) {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("error code " + code + " is not a byte");
        }
        String text = TEXT[code];
        return text != null ? text : "register error not in the protocol description";
    }

    /** {@code "4E shift over 24 hours..."}: the code in hex, then its text, for logs and exceptions. */
    public static String describe(int code) {
        return String.format("%02X %s", code, message(code));
    }

    /** The bundle key of the service-menu text for this code, when there is one. */
    public static Optional<String> bundleKey(int code) {
        return BUNDLED.contains(code) ? Optional.of(String.format("fiscal.error.%02X", code)) : Optional.empty();
    }

    /** What the kiosk does about an error: paper codes are PAPER_OUT, "still printing" BUSY, the rest FAILURE. */
    public static DeviceException.Code deviceCode(int code) {
        return switch (code) {
            case NO_RECEIPT_PAPER, NO_JOURNAL_PAPER -> DeviceException.Code.PAPER_OUT;
            case PRINTING_PREVIOUS, WAITING_CONTINUE_PRINT -> DeviceException.Code.BUSY;
            case 0x71 -> DeviceException.Code.JAM;
            default -> DeviceException.Code.FAILURE;
        };
    }

    /** The exception for a register's refusal of {@code command}. */
    public static DeviceException exception(ShtrihCommand command, int code) {
        return new DeviceException(deviceCode(code), "register refused " + command + ": " + describe(code));
    }
}
