package org.topupkiosk.device.printer;

import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Receipt;

/** A receipt printer. {@link #print} blocks until the receipt is out (or failed), so callers run it off the flow thread. */
public interface ReceiptPrinter extends AutoCloseable {

    void print(Receipt receipt) throws DeviceException;

    DeviceHealth checkHealth();

    /**
     * Pulses the cash drawer wired to the printer's drawer port (counter terminals). A printer without one refuses
     * with {@link DeviceException.Code#FAILURE}.
     */
    default void openDrawer() throws DeviceException {
        throw new DeviceException(DeviceException.Code.FAILURE, "this printer has no cash drawer port");
    }

    @Override
    void close();
}
