package org.topupkiosk.flow.fiscal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.FiscalStatus;

/**
 * A fiscal register kept in memory for the flow's tests: it numbers documents, signs them with a hash, keeps a shift
 * and paper, and fails on demand: before the close (nothing signed), after the close (signed, the answer lost), with a
 * receipt left open (a power cut mid-receipt), or silently (every call OFFLINE). It outlives a "restart" of the code
 * that uses it, as a real register outlives the kiosk's process.
 */
public final class MemoryFiscalRegister implements FiscalRegister {

    public enum Fault { NONE, BEFORE_CLOSE, AFTER_CLOSE, MID_RECEIPT, SILENT_AFTER_CLOSE }

    public static final String FN = "9999078900012345";

    public final List<FiscalDocument> documents = new ArrayList<>();
    public final List<FiscalReceipt> received = new ArrayList<>();
    private final Clock clock;
    private final ZoneId zone;
    public boolean shiftOpen = true;
    public int shift = 1;
    public boolean receiptOpen;
    public int cancels;
    public FiscalStatus.Paper paper = FiscalStatus.Paper.OK;
    public LocalDate fnValidUntil = LocalDate.of(2028, 1, 31);
    public boolean silent;
    private Fault next = Fault.NONE;
    private DeviceException.Code failCode = DeviceException.Code.FAILURE;

    public MemoryFiscalRegister(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The next registration fails this way, with this code. */
    public void failNext(Fault fault, DeviceException.Code code) {
        this.next = fault;
        this.failCode = code;
    }

    public long receiptsSigned() {
        return documents.stream().filter(d -> d.kind() == FiscalDocument.Kind.RECEIPT_INCOME
                || d.kind() == FiscalDocument.Kind.RECEIPT_INCOME_RETURN).count();
    }

    @Override
    public FiscalStatus status() throws DeviceException {
        line();
        return new FiscalStatus(shiftOpen, shift, Optional.empty(), receiptOpen, FN, fnValidUntil, 0, Optional.empty(),
                documents.size(), paper);
    }

    @Override
    public FiscalDocument openShift(String cashier) throws DeviceException {
        line();
        if (shiftOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "shift already open");
        }
        shiftOpen = true;
        shift++;
        return sign(FiscalDocument.Kind.SHIFT_OPEN, 0);
    }

    @Override
    public FiscalDocument register(FiscalReceipt receipt) throws DeviceException {
        line();
        if (receiptOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "a receipt is open");
        }
        if (!shiftOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "shift closed");
        }
        if (paper == FiscalStatus.Paper.OUT) {
            throw new DeviceException(DeviceException.Code.PAPER_OUT, "paper out");
        }
        Fault fault = next;
        next = Fault.NONE;
        switch (fault) {
            case BEFORE_CLOSE -> throw new DeviceException(failCode, "refused before the close");
            case MID_RECEIPT -> {
                receiptOpen = true;
                throw new DeviceException(failCode, "power cut mid-receipt");
            }
            default -> { }
        }
        received.add(receipt);
        FiscalDocument doc = sign(receipt.sign() == FiscalReceipt.Sign.INCOME ? FiscalDocument.Kind.RECEIPT_INCOME
                : FiscalDocument.Kind.RECEIPT_INCOME_RETURN, receipt.totalMinor());
        if (fault == Fault.AFTER_CLOSE) {
            throw new DeviceException(failCode, "answer lost after the close");
        }
        if (fault == Fault.SILENT_AFTER_CLOSE) {
            silent = true;
            throw new DeviceException(DeviceException.Code.TIMEOUT, "line went silent after the close");
        }
        return doc;
    }

    private FiscalDocument sign(FiscalDocument.Kind kind, long sum) {
        long number = documents.size() + 1;
        long fp = Integer.toUnsignedLong((FN + number + sum).hashCode());
        FiscalDocument doc = new FiscalDocument(kind, number, fp, LocalDateTime.now(clock.withZone(zone)), sum, FN,
                shift);
        documents.add(doc);
        return doc;
    }

    @Override
    public void cancelOpenReceipt() throws DeviceException {
        line();
        if (receiptOpen) {
            cancels++;
        }
        receiptOpen = false;
    }

    @Override
    public void printLines(List<String> lines) throws DeviceException {
        line();
    }

    @Override
    public void xReport() throws DeviceException {
        line();
    }

    @Override
    public FiscalDocument closeShift(String cashier) throws DeviceException {
        line();
        shiftOpen = false;
        return sign(FiscalDocument.Kind.SHIFT_CLOSE, 0);
    }

    @Override
    public Optional<FiscalDocument> lastDocument() throws DeviceException {
        line();
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(documents.size() - 1));
    }

    @Override
    public void reprintLastDocument() throws DeviceException {
        line();
    }

    @Override
    public DeviceHealth checkHealth() {
        return new DeviceHealth("fiscal", silent ? DeviceHealth.State.OFFLINE : DeviceHealth.State.OK, silent ? "silent" : "ok");
    }

    @Override
    public void close() {
    }

    private void line() throws DeviceException {
        if (silent) {
            throw new DeviceException(DeviceException.Code.OFFLINE, "no answer");
        }
    }
}
