package org.topupkiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * A small register for tests above the device layer: it keeps the rules that matter there the way a register does.
 * One shift at a time, numbered; a document number per document; a shift older than 24 hours refuses receipts (and
 * a second open); a closed shift refuses receipts; an open receipt refuses a Z report. Its clock is the test's, read
 * in the clock's zone as the register's local time. Faults are set by the test.
 */
public final class InTestFiscalRegister implements FiscalRegister {

    public static final String FN = "9999078900012345";

    private final Clock clock;
    private boolean shiftOpen;
    private int shiftNumber;
    private LocalDateTime openedAt;
    private long documents;
    private Optional<FiscalDocument> last = Optional.empty();
    public boolean receiptOpen;
    public LocalDate fnValidUntil;
    public int unsent;
    public Optional<LocalDateTime> oldestUnsent = Optional.empty();
    public FiscalStatus.Paper paper = FiscalStatus.Paper.OK;
    /** Set: every call fails with it. */
    public DeviceException failure;
    /** Whether status reports the shift's opening time (some registers do not). */
    public boolean reportsOpening = true;
    public final List<String> calls = new ArrayList<>();

    public InTestFiscalRegister(Clock clock) {
        this.clock = clock;
        this.fnValidUntil = LocalDate.now(clock).plusDays(400);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private void fail(String call) throws DeviceException {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized FiscalStatus status() throws DeviceException {
        fail("status");
        return new FiscalStatus(shiftOpen, shiftNumber, shiftOpen && reportsOpening ? Optional.of(openedAt)
                : Optional.empty(), receiptOpen, FN, fnValidUntil, unsent, oldestUnsent, documents, paper);
    }

    public boolean shiftOver24h() {
        return shiftOpen && Duration.between(openedAt, now()).compareTo(Duration.ofHours(24)) > 0;
    }

    @Override
    public synchronized FiscalDocument openShift(String cashier) throws DeviceException {
        fail("open");
        if (shiftOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x4A: shift is open");
        }
        shiftOpen = true;
        shiftNumber++;
        openedAt = now();
        return document(FiscalDocument.Kind.SHIFT_OPEN, 0);
    }

    @Override
    public synchronized FiscalDocument register(FiscalReceipt receipt) throws DeviceException {
        fail("register");
        if (!shiftOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x16: shift is closed");
        }
        if (shiftOver24h()) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x4E: shift is over 24 hours");
        }
        return document(receipt.sign() == FiscalReceipt.Sign.INCOME ? FiscalDocument.Kind.RECEIPT_INCOME
                : FiscalDocument.Kind.RECEIPT_INCOME_RETURN, receipt.totalMinor());
    }

    /**
     * A sale of {@code sumMinor} under {@link #register}'s rules, without building a {@link FiscalReceipt} (whose
     * compact constructor on main reads its items before they are assigned).
     */
    public synchronized FiscalDocument sell(long sumMinor) throws DeviceException {
        fail("register");
        if (!shiftOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x16: shift is closed");
        }
        if (shiftOver24h()) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x4E: shift is over 24 hours");
        }
        return document(FiscalDocument.Kind.RECEIPT_INCOME, sumMinor);
    }

    @Override
    public synchronized void cancelOpenReceipt() throws DeviceException {
        fail("cancel");
        receiptOpen = false;
    }

    @Override
    public synchronized void printLines(List<String> lines) throws DeviceException {
        fail("print");
    }

    @Override
    public synchronized void xReport() throws DeviceException {
        fail("x");
    }

    @Override
    public synchronized FiscalDocument closeShift(String cashier) throws DeviceException {
        fail("z");
        if (!shiftOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x16: shift is closed");
        }
        if (receiptOpen) {
            throw new DeviceException(DeviceException.Code.FAILURE, "0x4A: a receipt is open");
        }
        FiscalDocument z = document(FiscalDocument.Kind.SHIFT_CLOSE, 0);
        shiftOpen = false;
        return z;
    }

    @Override
    public synchronized Optional<FiscalDocument> lastDocument() throws DeviceException {
        fail("last");
        return last;
    }

    @Override
    public synchronized void reprintLastDocument() throws DeviceException {
        fail("reprint");
        if (last.isEmpty()) {
            throw new DeviceException(DeviceException.Code.FAILURE, "no document to reprint");
        }
    }

    private FiscalDocument document(FiscalDocument.Kind kind, long sum) {
        documents++;
        FiscalDocument d = new FiscalDocument(kind, documents, 1_000_000L + documents * 7919, now().withSecond(0)
                .withNano(0), sum, FN, shiftNumber);
        last = Optional.of(d);
        return d;
    }

    public synchronized boolean shiftOpen() {
        return shiftOpen;
    }

    public synchronized int shiftNumber() {
        return shiftNumber;
    }

    @Override
    public DeviceHealth checkHealth() {
        return failure == null ? new DeviceHealth("fiscal", DeviceHealth.State.OK, "ready")
                : new DeviceHealth("fiscal", DeviceHealth.State.FAILED, failure.getMessage());
    }

    @Override
    public void close() {
    }
}
