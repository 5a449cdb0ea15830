package org.topupkiosk.flow.fiscalshift;

import java.util.List;
import java.util.Optional;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.FiscalStatus;

/**
 * The register as the flow's fiscal desk sees it: every call goes through the shift keeper's lock, so a Z report never
 * meets a receipt half-way, and a receipt goes through {@link FiscalShifts#sale}, so it never lands in a shift over
 * its 24 hours or in no shift at all. One register, one line, one caller at a time.
 */
public final class ShiftKeptRegister implements FiscalRegister {

    private final FiscalRegister register;
    private final FiscalShifts shifts;

    public ShiftKeptRegister(FiscalRegister register, FiscalShifts shifts) {
        this.register = register;
        this.shifts = shifts;
    }

    @Override
    public FiscalStatus status() throws DeviceException {
        return shifts.status();
    }

    /**
     * A shift for the sale the caller is about to register, as the keeper opens one before a sale
     * ({@link FiscalShifts#beforeSale()}: opened when none is open, journaled; one too old for a receipt closed first), so
     * the keeper alone decides on openings; then answers the register's last document (the opening, unless the keeper
     * had opened one since the caller looked).
     */
    @Override
    public FiscalDocument openShift(String cashier) throws DeviceException {
        synchronized (shifts) {
            shifts.beforeSale();
            return shifts.run("open shift", r -> r.lastDocument().orElseThrow(() -> new DeviceException(
                    DeviceException.Code.FAILURE, "the register reports an open shift but no document")));
        }
    }

    @Override
    public FiscalDocument register(FiscalReceipt receipt) throws DeviceException {
        return shifts.sale(r -> r.register(receipt));
    }

    @Override
    public void cancelOpenReceipt() throws DeviceException {
        shifts.run("cancel receipt", r -> {
            r.cancelOpenReceipt();
            return null;
        });
    }

    @Override
    public void printLines(List<String> lines) throws DeviceException {
        shifts.run("print lines", r -> {
            r.printLines(lines);
            return null;
        });
    }

    @Override
    public void xReport() throws DeviceException {
        shifts.run("X report", r -> {
            r.xReport();
            return null;
        });
    }

    @Override
    public FiscalDocument closeShift(String cashier) throws DeviceException {
        return shifts.closeNow();
    }

    @Override
    public Optional<FiscalDocument> lastDocument() throws DeviceException {
        return shifts.run("last document", FiscalRegister::lastDocument);
    }

    @Override
    public void reprintLastDocument() throws DeviceException {
        shifts.run("reprint", r -> {
            r.reprintLastDocument();
            return null;
        });
    }

    @Override
    public DeviceHealth checkHealth() {
        synchronized (shifts) { // the keeper's lock: the health read shares the line with its calls
            return register.checkHealth();
        }
    }

    @Override
    public void close() {
        shifts.close();
        register.close();
    }
}
