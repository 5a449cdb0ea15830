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
     * Opens a shift unless the keeper opened one since the caller looked (both open shifts when none is open, and a
     * second opening would be refused with "the shift is open"); then answers the register's last document.
     */
    @Override
    public FiscalDocument openShift(String cashier) throws DeviceException {
        return shifts.run("open shift", r -> {
            if (r.status().shiftOpen()) {
                return r.lastDocument().orElseThrow(() -> new DeviceException(DeviceException.Code.FAILURE,
                        "the register reports an open shift but no document"));
            }
            return r.openShift(cashier);
        });
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
