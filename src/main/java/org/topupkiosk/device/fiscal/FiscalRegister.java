package org.topupkiosk.device.fiscal;

import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;

/**
 * An online cash register (ККТ) with its fiscal storage (ФН), as the payment-agent law needs it: every payment the kiosk
 * takes is registered here and the register's fiscal attributes go on the customer's receipt. Every call blocks on the
 * line (a Z report takes seconds), so callers run it off the flow thread. A register that cannot register puts the
 * kiosk out of service: selling without a fiscal receipt is not legal.
 *
 * <p>Errors are {@link DeviceException}s: {@code OFFLINE} or {@code TIMEOUT} when the line is silent (the outcome of a
 * registration is then unknown: ask {@link #lastDocument()} before trying again), {@code PAPER_OUT}, {@code BUSY}
 * while the register prints, {@code FAILURE} with the register's own error text for everything else.
 */
public interface FiscalRegister extends AutoCloseable {

    /** Shift, fiscal storage, unsent documents and paper, as the register reports them now. */
    FiscalStatus status() throws DeviceException;

    /** Opens a shift (a fiscal document of its own). Refused while one is open. */
    FiscalDocument openShift(String cashier) throws DeviceException;

    /**
     * Registers one receipt: opens it, adds the items with their tags, takes {@code receipt.cashPaidMinor()} in cash,
     * closes it, and answers the fiscal document the storage signed. On any failure before the close, the register's
     * open receipt is cancelled before the exception is thrown, where the line still answers.
     */
    FiscalDocument register(FiscalReceipt receipt) throws DeviceException;

    /** Cancels a receipt left open in the register (after a crash or a cut line); nothing when none is open. */
    void cancelOpenReceipt() throws DeviceException;

    /** Prints lines that are not a fiscal document (a slip, a reprint heading). */
    void printLines(List<String> lines) throws DeviceException;

    /** X report: the shift's totals, without closing it. */
    void xReport() throws DeviceException;

    /** Z report: closes the shift and answers its fiscal document. */
    FiscalDocument closeShift(String cashier) throws DeviceException;

    /** The last fiscal document in the storage, or empty on a fresh one. Used after a restart to match the journal. */
    Optional<FiscalDocument> lastDocument() throws DeviceException;

    /** Prints the last fiscal document again (a copy, not a new document). */
    void reprintLastDocument() throws DeviceException;

    DeviceHealth checkHealth();

    @Override
    void close();
}
