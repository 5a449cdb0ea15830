package org.topupkiosk.device.emulator.fiscal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalDocument;

/**
 * A Shtrih-M cash register with its fiscal storage, as a state machine the line layer drives command by command: the
 * shift (open, closed, over 24 hours), the receipt (opened by its first operation or explicitly, items with their linked
 * TLVs, closed with payments and a tax system, or cancelled), X and Z reports, printed lines, the paper, and faults a
 * test or a technician switches at run time. A refusal is a {@link RegisterRefusal} with the register's error code.
 * This class holds the commands and the rules between them; the receipt being built is a {@link ReceiptDraft}, the
 * paper, power and switched faults a {@link RegisterCondition}, both guarded by this register's lock.
 *
 * <p>A power cut drops what only the register's memory held (the open receipt) and silences the line until
 * {@link #powerOn()}; the storage keeps its archive. An armed cut fires inside the next close of a receipt, before the
 * storage signs it (the document never exists) or after (it exists, but the host never heard the answer).
 */
public final class EmulatedRegister {

    public enum Paper { OK, NEAR_END, OUT }

    /** Where an armed power cut fires. */
    public enum CutPoint { BEFORE_CLOSE, AFTER_CLOSE }

    /** Thrown when the power went off while a command ran: the line says nothing more. */
    public static final class PowerCut extends RuntimeException {
        PowerCut(String where) {
            super("power cut " + where);
        }
    }

    /** The answer to a receipt's close: change, and the document the storage signed. */
    public record Closed(long changeMinor, FnDocument document) {}

    private static final Duration SHIFT_LIMIT = Duration.ofHours(24);

    private final FiscalStorage fn;
    private final Clock clock;
    private final ReceiptPaper paperOut;
    private final int operatorPassword;
    private final int adminPassword;

    private final ReceiptDraft receipt = new ReceiptDraft();
    private final RegisterCondition condition = new RegisterCondition();

    /**
     * @param operatorPassword the cashier's password (Shtrih-M default: 1)
     * @param adminPassword    the administrator's (default: 30), needed for reports
     */
    public EmulatedRegister(FiscalStorage fn, Clock clock, ReceiptPaper paperOut, int operatorPassword,
            int adminPassword) {
        this.fn = fn;
        this.clock = clock;
        this.paperOut = paperOut;
        this.operatorPassword = operatorPassword;
        this.adminPassword = adminPassword;
    }

    // Passwords and state checks --------------------------------------------------------------------------------------

    /** Any known password works for an operator's command. */
    public void checkOperator(int password) throws RegisterRefusal {
        if (password != operatorPassword && password != adminPassword) {
            throw new RegisterRefusal(RegisterRefusal.WRONG_PASSWORD, "unknown password");
        }
    }

    public boolean isAdmin(int password) {
        return password == adminPassword;
    }

    public void checkAdmin(int password) throws RegisterRefusal {
        if (password != adminPassword) {
            throw new RegisterRefusal(RegisterRefusal.WRONG_PASSWORD, "not the administrator's password");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private void requirePower() {
        condition.requirePower();
    }

    private void requirePaper() throws RegisterRefusal {
        condition.requirePaper();
    }

    private boolean over24h(ShiftCounters.Snapshot s) {
        return s.open() && (condition.forcedOver24h()
                || Duration.between(s.openedAt().orElseThrow(), now()).compareTo(SHIFT_LIMIT) > 0);
    }

    /** A receipt may be opened or added to: shift open and young, storage able to sign, paper in. */
    private void requireSelling() throws RegisterRefusal {
        ShiftCounters.Snapshot s = fn.shift();
        if (!s.open()) {
            throw new RegisterRefusal(RegisterRefusal.SHIFT_NOT_OPEN, "no shift is open");
        }
        if (over24h(s)) {
            throw new RegisterRefusal(RegisterRefusal.SHIFT_OVER_24H, "the shift opened at "
                    + s.openedAt().orElseThrow() + " is over 24 hours: close it with a Z report");
        }
        if (fn.expired(now())) {
            throw new RegisterRefusal(RegisterRefusal.FN_EXPIRED, "the storage is past " + fn.validUntil());
        }
        if (fn.full()) {
            throw new RegisterRefusal(RegisterRefusal.FN_ARCHIVE_FULL, "the storage's archive is full");
        }
        requirePaper();
    }

    // Shift -----------------------------------------------------------------------------------------------------------

    public synchronized FnDocument openShift() throws RegisterRefusal {
        requirePower();
        if (receipt.isOpen()) {
            throw new RegisterRefusal(RegisterRefusal.RECEIPT_OPEN, "a receipt is open");
        }
        if (fn.shift().open()) {
            throw new RegisterRefusal(RegisterRefusal.SHIFT_OPEN, "shift " + fn.shift().number() + " is open");
        }
        requirePaper();
        FnDocument d = fn.sign(FiscalDocument.Kind.SHIFT_OPEN, now(), 0, Optional.empty());
        receipt.nextDocumentSigned();
        paperOut.shiftDocument(d, fn.serial(), fn.shift(), "ОТЧЁТ ОБ ОТКРЫТИИ СМЕНЫ");
        return d;
    }

    /** Z report: closes the shift, also one over 24 hours. */
    public synchronized FnDocument closeShift() throws RegisterRefusal {
        requirePower();
        if (receipt.isOpen()) {
            throw new RegisterRefusal(RegisterRefusal.RECEIPT_OPEN, "a receipt is open");
        }
        ShiftCounters.Snapshot before = fn.shift();
        if (!before.open()) {
            throw new RegisterRefusal(RegisterRefusal.SHIFT_NOT_OPEN, "no shift is open");
        }
        requirePaper();
        FnDocument d = fn.sign(FiscalDocument.Kind.SHIFT_CLOSE, now(), 0, Optional.empty());
        receipt.nextDocumentSigned();
        condition.forceOver24h(false);
        paperOut.shiftDocument(d, fn.serial(), before, "ОТЧЁТ О ЗАКРЫТИИ СМЕНЫ");
        return d;
    }

    /** X report: the shift's totals, no document. */
    public synchronized void xReport() throws RegisterRefusal {
        requirePower();
        if (receipt.isOpen()) {
            throw new RegisterRefusal(RegisterRefusal.RECEIPT_OPEN, "a receipt is open");
        }
        requirePaper();
        paperOut.xReport(fn.serial(), fn.shift(), now());
    }

    // Receipt ---------------------------------------------------------------------------------------------------------

    /** Opens a receipt of sign 1054 (1 приход, 2 возврат прихода, 3 расход, 4 возврат расхода). */
    public synchronized void openReceipt(int sign) throws RegisterRefusal {
        requirePower();
        if (sign < 1 || sign > 4) {
            throw new RegisterRefusal(RegisterRefusal.BAD_PARAMETERS, "receipt sign " + sign);
        }
        if (receipt.isOpen()) {
            throw new RegisterRefusal(RegisterRefusal.RECEIPT_OPEN, "a receipt is already open");
        }
        requireSelling();
        receipt.open(sign);
    }

    /** Adds an item; the first one opens a receipt of its sign when none is open. */
    public synchronized void addOperation(FnOperation op) throws RegisterRefusal {
        requirePower();
        if (op.sumMinor() < 0 || op.priceMinor() < 0 || op.quantityMicro() <= 0 || op.name().isBlank()) {
            throw new RegisterRefusal(RegisterRefusal.BAD_PARAMETERS, "operation " + op.name() + " sum "
                    + op.sumMinor() + " quantity " + op.quantityMicro());
        }
        if (!receipt.isOpen()) {
            openReceipt(op.type());
        } else {
            requireSelling();
        }
        receipt.add(op);
    }

    /**
     * TLVs for the open receipt ({@code linked} false) or for its last operation; with no receipt open, for the next
     * document (a shift report takes its cashier so, and a receipt opened next takes them as its own).
     */
    public synchronized void addTlv(byte[] tlv, boolean linked) throws RegisterRefusal {
        requirePower();
        receipt.addTlv(tlv, linked);
    }

    /**
     * Closes the open receipt: the payments must cover its total; the storage signs it, it prints with its QR code.
     *
     * @param otherMinor the payment types other than cash, together
     * @param taxSystem  the tax system bit (1055)
     */
    public synchronized Closed closeReceipt(long cashMinor, long otherMinor, int taxSystem) throws RegisterRefusal {
        requirePower();
        if (!receipt.isOpen()) {
            throw new RegisterRefusal(RegisterRefusal.RECEIPT_CLOSED, "no receipt is open");
        }
        if (Integer.bitCount(taxSystem) != 1 || taxSystem > 32 || taxSystem == 8) {
            throw new RegisterRefusal(RegisterRefusal.BAD_PARAMETERS, "tax system " + taxSystem);
        }
        requireSelling();
        long total = receipt.total();
        if (receipt.empty() || total == 0) {
            throw new RegisterRefusal(RegisterRefusal.ZERO_TOTAL, "the receipt's total is zero");
        }
        if (cashMinor < 0 || otherMinor < 0 || cashMinor + otherMinor < total) {
            throw new RegisterRefusal(RegisterRefusal.PAID_LESS_THAN_TOTAL, "paid " + (cashMinor + otherMinor)
                    + " of " + total);
        }
        if (otherMinor > total) {
            throw new RegisterRefusal(0x4D, "non-cash " + otherMinor + " over the total " + total);
        }
        long change = cashMinor + otherMinor - total;
        if (condition.cutArmedAt(CutPoint.BEFORE_CLOSE)) {
            losePower();
            throw new PowerCut("before the storage signed the receipt");
        }
        FnReceipt content = receipt.content(taxSystem, cashMinor, otherMinor, change);
        FiscalDocument.Kind kind = receipt.sign() == 2 ? FiscalDocument.Kind.RECEIPT_INCOME_RETURN
                : receipt.sign() == 1 ? FiscalDocument.Kind.RECEIPT_INCOME : FiscalDocument.Kind.OTHER;
        FnDocument d = fn.sign(kind, now(), total, Optional.of(content));
        List<String> extra = receipt.lines();
        receipt.drop();
        if (condition.cutArmedAt(CutPoint.AFTER_CLOSE)) {
            losePower();
            throw new PowerCut("after the storage signed document " + d.number());
        }
        paperOut.receipt(d, fn.serial(), extra, false, fn.shift().receipts());
        return new Closed(change, d);
    }

    /** How many operations the open receipt holds (0 when none is open). */
    public synchronized int receiptOperations() {
        return receipt.operations();
    }

    /** B0h after paper was put back: nothing waits to be printed here (a document is printed whole or refused). */
    public synchronized void continuePrint() throws RegisterRefusal {
        requirePower();
        requirePaper();
    }

    public synchronized void cancelReceipt() throws RegisterRefusal {
        requirePower();
        if (!receipt.isOpen()) {
            throw new RegisterRefusal(RegisterRefusal.RECEIPT_CLOSED, "no receipt is open");
        }
        receipt.drop();
        paperOut.slip(List.of("ЧЕК АННУЛИРОВАН"));
    }

    // Printing --------------------------------------------------------------------------------------------------------

    /** A line outside the fiscal documents (inside an open receipt it goes on the receipt). */
    public synchronized void printLine(String text) throws RegisterRefusal {
        requirePower();
        requirePaper();
        if (receipt.isOpen()) {
            receipt.addLine(text);
        } else {
            paperOut.line(text);
        }
    }

    /** The cut: lines printed since the last document become a slip of their own. */
    public synchronized void cutPaper() throws RegisterRefusal {
        requirePower();
        requirePaper();
        paperOut.flushSlip();
    }

    /** A copy of the last document (not a new one). */
    public synchronized void reprintLast() throws RegisterRefusal {
        requirePower();
        requirePaper();
        FnDocument last = fn.last().orElseThrow(() -> new RegisterRefusal(RegisterRefusal.NO_DOCUMENT_TO_REPEAT,
                "the storage has no document yet"));
        if (ShiftCounters.isReceipt(last.kind())) {
            paperOut.receipt(last, fn.serial(), List.of(), true, 0);
        } else {
            paperOut.shiftDocument(last, fn.serial(), fn.shift(), "КОПИЯ");
        }
    }

    public synchronized FnDocument findDocument(long number) throws RegisterRefusal {
        requirePower();
        return fn.find(number).orElseThrow(() -> new RegisterRefusal(RegisterRefusal.FN_NO_DATA,
                "no document " + number));
    }

    // Status ----------------------------------------------------------------------------------------------------------

    public synchronized RegisterStatus status() {
        requirePower();
        LocalDateTime now = now();
        fn.exchange(now);
        ShiftCounters.Snapshot s = fn.shift();
        boolean over = over24h(s);
        int mode = receipt.isOpen() ? RegisterStatus.MODE_RECEIPT_OPEN : !s.open() ? RegisterStatus.MODE_SHIFT_CLOSED
                : over ? RegisterStatus.MODE_SHIFT_OVER_24H : RegisterStatus.MODE_SHIFT_OPEN;
        Optional<FnDocument> last = fn.last();
        Optional<FnDocument> unsent = fn.firstUnsent();
        Paper paper = condition.paper();
        return new RegisterStatus(mode, paper == Paper.OUT ? 1 : 0, now, s.open(), over, s.number(), s.openedAt(),
                receipt.sign(), s.receipts() + 1, paper, fn.serial(), fn.validUntil(),
                fn.full(), fn.expired(now), last.map(FnDocument::number).orElse(0L),
                last.map(FnDocument::dateTime), fn.unsentCount(), unsent.map(FnDocument::number).orElse(0L),
                unsent.map(FnDocument::dateTime));
    }

    public FiscalStorage storage() {
        return fn;
    }

    public ReceiptPaper paper() {
        return paperOut;
    }

    // Faults ----------------------------------------------------------------------------------------------------------

    public synchronized void setPaper(Paper p) {
        condition.paper(p);
    }

    /** The shift counts as over 24 hours whatever its age, until a Z report closes it. */
    public synchronized void forceShiftOver24h(boolean on) {
        condition.forceOver24h(on);
    }

    /** The next close of a receipt loses power at {@code where}; null disarms. */
    public synchronized void armPowerCut(CutPoint where) {
        condition.arm(where);
    }

    /** The power goes off now: the open receipt is gone, the line is silent until {@link #powerOn()}. */
    public synchronized void cutPower() {
        losePower();
    }

    private void losePower() {
        condition.powerOff();
        receipt.forget();
        paperOut.dropSlip();
    }

    /** The power is back (the register restarts): no receipt open, the storage as it was. */
    public synchronized void powerOn() {
        condition.powerOn();
    }

    public synchronized boolean powered() {
        return condition.powered();
    }

    /** How many times the power went off: the line layer forgets what it held for the host when this changes. */
    public synchronized int powerCycles() {
        return condition.powerCycles();
    }
}
