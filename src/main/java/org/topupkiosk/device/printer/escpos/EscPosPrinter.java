package org.topupkiosk.device.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.printer.ReceiptPrinter;
import org.topupkiosk.domain.LogSafe;
import org.topupkiosk.domain.Receipt;

/**
 * The ESC/POS receipt printer: asks the printer's status (DLE EOT 1..4) before a receipt, so a printer without paper
 * refuses at once, sends the receipt, then asks again, so paper that ran out in the middle of the receipt is reported
 * as a failed print (the caller keeps the receipt for a reprint). One receipt at a time.
 */
public final class EscPosPrinter implements ReceiptPrinter {

    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);

    private final PrinterLink link;
    private final ReceiptEncoder encoder;
    private final Duration statusTimeout;
    private final Duration printTimeout;

    /**
     * @param statusTimeout how long one DLE EOT answer may take; printers answer in milliseconds even when busy
     * @param printTimeout  how long the printer may take to work through a receipt before the status after it is read
     */
    public EscPosPrinter(PrinterLink link, ReceiptEncoder encoder, Duration statusTimeout, Duration printTimeout) {
        this.link = link;
        this.encoder = encoder;
        this.statusTimeout = statusTimeout;
        this.printTimeout = printTimeout;
    }

    @Override
    public synchronized void print(Receipt receipt) throws DeviceException {
        byte[] bytes = encoder.encode(receipt);
        requireReady(status(statusTimeout), "before receipt " + receipt.id());
        try {
            link.write(bytes);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.OFFLINE, link.describe() + ": " + e.getMessage(), e);
        }
        // The answer to DLE EOT comes at once, even while the printer is still printing: a printer that ran out of
        // paper half-way reports it here. The longer timeout covers a printer that is busy flushing its buffer.
        requireReady(status(printTimeout), "after receipt " + receipt.id());
        log.info("receipt printed id={} bytes={}", LogSafe.id(receipt.id()), bytes.length);
    }

    /**
     * ESC p 0 25 250: a 50 ms pulse on drawer pin 2, then 500 ms off, as drawer makers ask. Checked for an online
     * printer first, so a dead link is reported instead of a silent drawer.
     */
    @Override
    public synchronized void openDrawer() throws DeviceException {
        status(statusTimeout);
        try {
            link.write(new EscPosBuilder().drawerKick(DRAWER_PIN, DRAWER_ON_MS, DRAWER_OFF_MS).toBytes());
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.OFFLINE, link.describe() + ": " + e.getMessage(), e);
        }
        log.info("cash drawer kicked pin={}", DRAWER_PIN);
    }

    static final int DRAWER_PIN = 2;
    static final int DRAWER_ON_MS = 50;
    static final int DRAWER_OFF_MS = 500;

    private void requireReady(PrinterStatus status, String when) throws DeviceException {
        DeviceException problem = status.problem();
        if (problem != null) {
            log.warn("printer not ready {} status={}", when, status.describe());
            throw problem;
        }
        if (status.paperNearEnd()) {
            log.info("printer paper near end {}", when);
        }
    }

    /** Reads the four status bytes; a printer that does not answer is offline. */
    public synchronized PrinterStatus status(Duration timeout) throws DeviceException {
        try {
            link.discardInput();
            int[] answers = new int[4];
            for (int n = 1; n <= 4; n++) {
                link.write(new EscPosBuilder().statusRequest(n).toBytes());
                answers[n - 1] = readStatusByte(timeout, n);
            }
            return PrinterStatus.decode(answers[0], answers[1], answers[2], answers[3]);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.OFFLINE, link.describe() + ": " + e.getMessage(), e);
        }
    }

    private int readStatusByte(Duration timeout, int n) throws IOException, DeviceException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            int b = left <= 0 ? -1 : link.read(Duration.ofNanos(left));
            if (b < 0) {
                throw new DeviceException(DeviceException.Code.OFFLINE, link.describe()
                        + ": no answer to DLE EOT " + n + " within " + timeout.toMillis() + " ms");
            }
            if (PrinterStatus.isStatusByte(b)) {
                return b;
            }
            // anything else is late output of an earlier exchange: skip it and keep waiting
        }
    }

    @Override
    public DeviceHealth checkHealth() {
        try {
            PrinterStatus s = status(statusTimeout);
            DeviceHealth.State state = s.ready()
                    ? (s.paperNearEnd() ? DeviceHealth.State.DEGRADED : DeviceHealth.State.OK)
                    : DeviceHealth.State.FAILED;
            return new DeviceHealth("printer", state, s.describe() + " via " + link.describe());
        } catch (DeviceException e) {
            return new DeviceHealth("printer", e.code() == DeviceException.Code.OFFLINE
                    ? DeviceHealth.State.OFFLINE : DeviceHealth.State.FAILED, e.getMessage());
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
