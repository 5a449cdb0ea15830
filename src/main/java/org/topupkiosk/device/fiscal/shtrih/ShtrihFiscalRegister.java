package org.topupkiosk.device.fiscal.shtrih;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.device.serial.SerialLink;

/**
 * A Shtrih-M online register (ШТРИХ-М protocol, FN commands of the FF xx family) as the kiosk's {@link FiscalRegister}.
 * A receipt is: open (8Dh), the cashier (FF0Ch 1021) and the customer's contact (FF0Ch 1008), per item operation V2
 * (FF46h: VAT-exempt, full payment, subject "платёж" or the agent's fee) followed by its agent tags (FF4Dh: 1222,
 * 1223, 1224, 1226), close V2 (FF45h) with the cash and the tax system. Any failure before the close cancels the
 * receipt (88h); a close whose answer is lost is TIMEOUT, and the caller reads {@link #lastDocument()} to learn
 * whether it was registered. "Still printing" (50h) is waited out and "waiting to continue" (58h) continued (B0h).
 * Lifecycle as the other drivers: open, claim, enable ({@link #start()}); calls before that fail with the step missing.
 */
public final class ShtrihFiscalRegister implements FiscalRegister {

    private static final Logger log = LoggerFactory.getLogger(ShtrihFiscalRegister.class);
    private static final String DEVICE = "fiscal";
    private static final int BUSY_TRIES = 40;
    private static final long BUSY_PAUSE_MS = 250;

    private final DeviceLifecycle life = new DeviceLifecycle(DEVICE);
    private final ShtrihLink link;
    private final ShtrihPasswords passwords;
    private final ShtrihDocuments documents = new ShtrihDocuments(this::data);

    public ShtrihFiscalRegister(SerialLink port, ShtrihLink.Settings settings, ShtrihPasswords passwords) {
        this.link = new ShtrihLink(port, settings);
        this.passwords = passwords;
    }

    public void open() {
        life.open();
    }

    public void claim() throws DeviceException {
        life.claim();
    }

    public void enable() throws DeviceException {
        life.enable();
    }

    /** open, claim, enable: the register is usable; nothing goes on the line until the first call. */
    public void start() throws DeviceException {
        open();
        claim();
        enable();
    }

    @Override
    public synchronized FiscalStatus status() throws DeviceException {
        return documents.status();
    }

    /**
     * Opens a shift (E0h). The cashier of a shift document comes from the register's operator table: a receipt TLV
     * (FF0Ch) is only taken inside an open receipt, so {@code cashier} is not sent here.
     */
    @Override
    public synchronized FiscalDocument openShift(String cashier) throws DeviceException {
        data(ShtrihCommand.OPEN_SHIFT, new byte[0]);
        return lastAs(FiscalDocument.Kind.SHIFT_OPEN);
    }

    @Override
    public synchronized FiscalDocument register(FiscalReceipt receipt) throws DeviceException {
        boolean income = receipt.sign() == FiscalReceipt.Sign.INCOME;
        int shiftNumber = documents.shift().shiftNumber();
        String fn = documents.fnSerial();
        data(ShtrihCommand.OPEN_RECEIPT, new ShtrihReceiptMessages.OpenReceipt(income
                ? ShtrihReceiptMessages.RECEIPT_SALE : ShtrihReceiptMessages.RECEIPT_SALE_RETURN).encode());
        try {
            tlv(FfdTlv.text(FfdTlv.CASHIER, receipt.cashier()));
            if (receipt.customerContact().isPresent()) {
                tlv(FfdTlv.text(FfdTlv.CUSTOMER_CONTACT, receipt.customerContact().get()));
            }
            for (FiscalItem item : receipt.items()) {
                operation(item, income);
            }
        } catch (DeviceException | RuntimeException e) {
            cancelAfter(e);
            throw e;
        }
        byte[] close = ShtrihReceiptMessages.CloseReceiptV2.cash(receipt.cashPaidMinor(), receipt.taxSystem().bit, "")
                .encode();
        ShtrihAnswer answer;
        try {
            answer = call(ShtrihCommand.FN_CLOSE_RECEIPT_V2, close);
        } catch (DeviceException e) {
            throw new DeviceException(DeviceException.Code.TIMEOUT, "the receipt's close was sent but its answer "
                    + "was lost (" + e.getMessage() + "): read the last document to learn whether it was registered",
                    e);
        }
        if (!answer.ok()) {
            DeviceException refused = ShtrihErrors.exception(ShtrihCommand.FN_CLOSE_RECEIPT_V2, answer.error());
            cancelAfter(refused);
            throw refused;
        }
        ShtrihFnMessages.CloseResult closed = ShtrihFnMessages.CloseResult.decode(answer.data());
        FiscalDocument.Kind kind = income ? FiscalDocument.Kind.RECEIPT_INCOME
                : FiscalDocument.Kind.RECEIPT_INCOME_RETURN;
        if (closed.at().isPresent()) {
            return new FiscalDocument(kind, closed.documentNumber(), closed.fiscalSign(), closed.at().get(),
                    receipt.totalMinor(), fn, shiftNumber);
        }
        return documents.document(closed.documentNumber(), shiftNumber);
    }

    private void operation(FiscalItem item, boolean income) throws DeviceException {
        ShtrihReceiptMessages.OperationV2 op = new ShtrihReceiptMessages.OperationV2(income
                ? ShtrihReceiptMessages.OPERATION_INCOME : ShtrihReceiptMessages.OPERATION_INCOME_RETURN,
                Math.multiplyExact((long) item.quantity(), 1_000_000L), item.priceMinor(), item.amountMinor(), 0,
                ShtrihReceiptMessages.TAX_NO_VAT, 0, ShtrihReceiptMessages.METHOD_FULL_PAYMENT,
                item.agentItem() ? ShtrihReceiptMessages.SUBJECT_PAYMENT : ShtrihReceiptMessages.SUBJECT_AGENT_FEE,
                item.name());
        data(ShtrihCommand.FN_OPERATION_V2, op.encode());
        if (item.agentItem()) {
            data(ShtrihCommand.FN_WRITE_OPERATION_TLV, FfdTlv.encodeAll(FfdTlv.agentItemTags(item.agent().get(),
                    item.supplier().get())));
        }
    }

    private void cancelAfter(Exception cause) {
        try {
            data(ShtrihCommand.CANCEL_RECEIPT, new byte[0]);
            log.warn("fiscal receipt cancelled after: {}", cause.getMessage());
        } catch (DeviceException e) {
            cause.addSuppressed(e);
            log.error("fiscal receipt could not be cancelled after {}: {}", cause.getMessage(), e.getMessage());
        }
    }

    @Override
    public synchronized void cancelOpenReceipt() throws DeviceException {
        if (documents.fullStatus().receiptOpen()) {
            data(ShtrihCommand.CANCEL_RECEIPT, new byte[0]);
            log.info("fiscal receipt left open in the register was cancelled");
        }
    }

    @Override
    public synchronized void printLines(List<String> lines) throws DeviceException {
        for (String line : lines) {
            for (String part : cut(line)) {
                data(ShtrihCommand.PRINT_STRING, new ShtrihReceiptMessages.PrintString(
                        ShtrihReceiptMessages.PRINT_ON_RECEIPT, part).encode());
            }
        }
    }

    /** A line as the 40-column print string takes it; characters outside Windows-1251 print as "?". */
    static List<String> cut(String line) {
        String printable = new String(line.getBytes(ShtrihBytes.TEXT), ShtrihBytes.TEXT);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < printable.length(); i += ShtrihReceiptMessages.PRINT_WIDTH) {
            parts.add(printable.substring(i, Math.min(printable.length(), i + ShtrihReceiptMessages.PRINT_WIDTH)));
        }
        return parts.isEmpty() ? List.of("") : parts;
    }

    @Override
    public synchronized void xReport() throws DeviceException {
        data(ShtrihCommand.X_REPORT, new byte[0]);
    }

    /** Z report (41h), closing the shift; as for {@link #openShift}, the cashier comes from the operator table. */
    @Override
    public synchronized FiscalDocument closeShift(String cashier) throws DeviceException {
        data(ShtrihCommand.Z_REPORT, new byte[0]);
        return lastAs(FiscalDocument.Kind.SHIFT_CLOSE);
    }

    @Override
    public synchronized Optional<FiscalDocument> lastDocument() throws DeviceException {
        return documents.last();
    }

    @Override
    public synchronized void reprintLastDocument() throws DeviceException {
        data(ShtrihCommand.REPEAT_DOCUMENT, new byte[0]);
    }

    @Override
    public DeviceHealth checkHealth() {
        try {
            FiscalStatus s = status();
            if (s.paper() == FiscalStatus.Paper.OUT) {
                return new DeviceHealth(DEVICE, DeviceHealth.State.FAILED, "out of paper");
            }
            boolean expiring = s.fnValidUntil().isBefore(LocalDate.now().plusDays(30));
            boolean nearEnd = s.paper() == FiscalStatus.Paper.NEAR_END;
            String detail = "fn=" + s.fnSerial() + " shift=" + s.shiftNumber() + " open=" + s.shiftOpen()
                    + " unsent=" + s.unsentDocuments() + (expiring ? " fn_expires=" + s.fnValidUntil() : "")
                    + (nearEnd ? " paper near end" : "");
            return new DeviceHealth(DEVICE, expiring || nearEnd ? DeviceHealth.State.DEGRADED : DeviceHealth.State.OK,
                    detail);
        } catch (DeviceException e) {
            boolean offline = e.code() == DeviceException.Code.OFFLINE || e.code() == DeviceException.Code.TIMEOUT;
            return new DeviceHealth(DEVICE, offline ? DeviceHealth.State.OFFLINE : DeviceHealth.State.FAILED,
                    e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        life.close();
        link.close();
    }

    private FiscalDocument lastAs(FiscalDocument.Kind expected) throws DeviceException {
        FiscalDocument d = documents.last().orElseThrow(() -> new DeviceException(DeviceException.Code.FAILURE,
                "the register reported no document after " + expected));
        if (d.kind() != expected) {
            throw new DeviceException(DeviceException.Code.FAILURE, "the last document is " + d.kind() + " "
                    + d.number() + ", expected " + expected);
        }
        return d;
    }

    private void tlv(FfdTlv tlv) throws DeviceException {
        data(ShtrihCommand.FN_WRITE_TLV, tlv.encode());
    }

    private byte[] data(ShtrihCommand command, byte[] params) throws DeviceException {
        return call(command, params).dataOrThrow(command);
    }

    /**
     * One command: waits out "printing the previous command" (50h), continues printing where the register waits for
     * it (58h), and keeps the power state for health.
     */
    private ShtrihAnswer call(ShtrihCommand command, byte[] params) throws DeviceException {
        life.require(DeviceLifecycle.Step.ENABLED);
        ShtrihRequest request = new ShtrihRequest(command, passwords.of(command), params);
        for (int attempt = 1; ; attempt++) {
            ShtrihAnswer answer;
            try {
                answer = link.exchange(request);
            } catch (DeviceException e) {
                if (e.code() == DeviceException.Code.OFFLINE || e.code() == DeviceException.Code.TIMEOUT) {
                    life.power(DeviceLifecycle.Power.OFFLINE);
                }
                throw e;
            }
            life.power(DeviceLifecycle.Power.ONLINE);
            if (attempt < BUSY_TRIES && answer.error() == ShtrihErrors.PRINTING_PREVIOUS) {
                pause();
                continue;
            }
            if (attempt < BUSY_TRIES && answer.error() == ShtrihErrors.WAITING_CONTINUE_PRINT
                    && command != ShtrihCommand.CONTINUE_PRINT) {
                call(ShtrihCommand.CONTINUE_PRINT, new byte[0]);
                continue;
            }
            return answer;
        }
    }

    private static void pause() throws DeviceException {
        try {
            Thread.sleep(BUSY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Code.BUSY, "interrupted while the register printed", e);
        }
    }
}
