package org.topupkiosk.device.fiscal.shtrih;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Answer layouts of the register's own status commands (10h short status, 11h full status) and the one-byte
 * "operator number" answer most printing commands give. Each record has {@code encode()} (the emulator's side) and
 * {@code decode(byte[])} (the driver's side); the bytes are the answer's data after the error byte.
 */
public final class ShtrihStatusMessages {

    /** The register's mode (low nibble of the mode byte). */
    public static final int MODE_SHIFT_OPEN = 2;
    public static final int MODE_SHIFT_OVER_24H = 3;
    public static final int MODE_SHIFT_CLOSED = 4;
    public static final int MODE_DOCUMENT_OPEN = 8;

    /** Submodes about paper: 1 and 2 the paper ran out (passively, or while printing), 3 waits for continue (B0h). */
    public static final int SUBMODE_PAPER_OK = 0;
    public static final int SUBMODE_PAPER_OUT_PASSIVE = 1;
    public static final int SUBMODE_PAPER_OUT_ACTIVE = 2;
    public static final int SUBMODE_WAIT_CONTINUE = 3;
    public static final int SUBMODE_PRINTING_REPORT = 4;
    public static final int SUBMODE_PRINTING = 5;

    /**
     * Flag bit 1 of the status flags: the receipt roll sensor; clear when the roll is near its end (paper is still at
     * the print head: the register prints on).
     */
    public static final int FLAG_RECEIPT_ROLL = 1 << 1;
    /** Flag bit 7 of the status flags: the receipt tape's optical sensor; clear when there is no paper to print on. */
    public static final int FLAG_RECEIPT_PAPER = 1 << 7;

    private ShtrihStatusMessages() {
    }

    /** 10h answer: operator, flags, mode, submode, operations in the receipt, voltages, last storage errors. */
    public record ShortStatus(int operator, int flags, int mode, int submode, int receiptOperations, int battery,
            int power, int fnError, int ejError) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("short.operator", operator).le("short.flags", flags, 2)
                    .u8("short.mode", mode).u8("short.submode", submode)
                    .u8("short.operations", receiptOperations & 0xFF).u8("short.battery", battery)
                    .u8("short.power", power).u8("short.fnError", fnError).u8("short.ejError", ejError)
                    .u8("short.operations", receiptOperations >>> 8).bytes(new byte[3]).toBytes();
        }

        public static ShortStatus decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            int operator = in.u8("short.operator");
            int flags = in.u16("short.flags");
            int mode = in.u8("short.mode");
            int submode = in.u8("short.submode");
            int opsLo = in.u8("short.operations");
            int battery = in.u8("short.battery");
            int power = in.u8("short.power");
            int fnError = in.u8("short.fnError");
            int ejError = in.u8("short.ejError");
            int opsHi = in.u8("short.operations");
            return new ShortStatus(operator, flags, mode, submode, opsLo | opsHi << 8, battery, power, fnError,
                    ejError);
        }

        public int modeNumber() {
            return mode & 0x0F;
        }
    }

    /**
     * 11h answer: firmware, document number, flags, mode and submode, the register's date and time, its serial
     * number, the last closed shift's number and the owner's INN.
     */
    public record FullStatus(int operator, String firmware, int firmwareBuild, LocalDate firmwareDate, int hallNumber,
            int documentNumber, int flags, int mode, int submode, int port, String fmFirmware, int fmBuild,
            LocalDate fmDate, LocalDate date, LocalTime time, int fmFlags, long serial, int shiftNumber,
            int freeRecords, int registrations, int freeRegistrations, long inn) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("full.operator", operator).ascii("full.firmware", firmware, 2)
                    .le("full.firmwareBuild", firmwareBuild, 2).dateDmy("full.firmwareDate", firmwareDate)
                    .u8("full.hall", hallNumber).le("full.document", documentNumber, 2).le("full.flags", flags, 2)
                    .u8("full.mode", mode).u8("full.submode", submode).u8("full.port", port)
                    .ascii("full.fmFirmware", fmFirmware, 2).le("full.fmBuild", fmBuild, 2)
                    .dateDmy("full.fmDate", fmDate).dateDmy("full.date", date).timeHms("full.time", time)
                    .u8("full.fmFlags", fmFlags).le("full.serial", serial, 4).le("full.shift", shiftNumber, 2)
                    .le("full.freeRecords", freeRecords, 2).u8("full.registrations", registrations)
                    .u8("full.freeRegistrations", freeRegistrations).le("full.inn", inn, 6).toBytes();
        }

        public static FullStatus decode(byte[] data) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(data);
            return new FullStatus(in.u8("full.operator"), in.ascii("full.firmware", 2), in.u16("full.firmwareBuild"),
                    in.dateDmy("full.firmwareDate"), in.u8("full.hall"), in.u16("full.document"),
                    in.u16("full.flags"), in.u8("full.mode"), in.u8("full.submode"), in.u8("full.port"),
                    in.ascii("full.fmFirmware", 2), in.u16("full.fmBuild"), in.dateDmy("full.fmDate"),
                    in.dateDmy("full.date"), in.timeHms("full.time"), in.u8("full.fmFlags"),
                    in.le("full.serial", 4), in.u16("full.shift"), in.u16("full.freeRecords"),
                    in.u8("full.registrations"), in.u8("full.freeRegistrations"), in.le("full.inn", 6));
        }

        public int modeNumber() {
            return mode & 0x0F;
        }

        public boolean shiftOpen() {
            int m = modeNumber();
            return m == MODE_SHIFT_OPEN || m == MODE_SHIFT_OVER_24H || m == MODE_DOCUMENT_OPEN;
        }

        public boolean receiptOpen() {
            return modeNumber() == MODE_DOCUMENT_OPEN;
        }

        /** No paper to print on: the optical sensor sees none, or the register stopped for it (submode 1, 2). */
        public boolean paperOut() {
            return (flags & FLAG_RECEIPT_PAPER) == 0 || submode == SUBMODE_PAPER_OUT_PASSIVE
                    || submode == SUBMODE_PAPER_OUT_ACTIVE;
        }

        /** The roll is near its end but paper is still there: time to bring a roll, not yet out of service. */
        public boolean paperNearEnd() {
            return !paperOut() && (flags & FLAG_RECEIPT_ROLL) == 0;
        }
    }

    /** The answer of 17h, 40h, 41h, 88h, 8Ch, 8Dh, B0h, E0h: the number of the operator who ran it. */
    public record OperatorAnswer(int operator) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("operator", operator).toBytes();
        }

        public static OperatorAnswer decode(byte[] data) {
            return new OperatorAnswer(new ShtrihBytes.Reader(data).u8("operator"));
        }
    }
}
