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
        requireReady(statusAfter(bytes, printTimeout), "after receipt " + receipt.id());
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

    /** DLE EOT 1, 2, 3 and 4 in one write: the printer answers them in order, one byte each. */
    private static final byte[] STATUS_REQUESTS = {0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4};
    /**
     * How long the answers may pause, once four have come, before the last four are taken as ours. Only waited when a
     * printer sent fewer answers than the DLE EOT pairs we sent could draw (one that ignores pairs inside data).
     */
    static final Duration QUIET = Duration.ofMillis(250);
    /** Settling: input that keeps trickling in is dropped until it pauses this long. */
    private static final Duration SETTLE_GAP = Duration.ofMillis(30);
    private static final int SETTLE_MAX_BYTES = 4096;

    /**
     * The status when nothing was just sent: stale input is dropped first (answers that came after an earlier read
     * gave up), then the four questions are asked. A printer that does not answer is offline.
     */
    public synchronized PrinterStatus status(Duration timeout) throws DeviceException {
        try {
            settle();
            link.write(STATUS_REQUESTS);
            return answers(timeout, STATUS_REQUESTS.length / 3);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.OFFLINE, link.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The status right after {@code sent} went out. A printer answers a DLE EOT n pair (n 1..4) wherever it sees one in
     * the stream, inside raster or QR data too (Epson documents it), so the bytes just sent may draw answers of their
     * own, and they arrive before ours, in order. Input is not dropped here (answers still trickle in while the
     * printer takes the data): every answer is read, the count that {@code sent} can draw is expected, and the last
     * four are ours. A printer that ignores pairs inside data sends fewer; once four have come and the line is quiet
     * for {@link #QUIET}, the last four are taken.
     */
    public synchronized PrinterStatus statusAfter(byte[] sent, Duration timeout) throws DeviceException {
        try {
            link.write(STATUS_REQUESTS);
            return answers(timeout, strayRequests(sent) + STATUS_REQUESTS.length / 3);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.OFFLINE, link.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The DLE EOT n pairs (n 1..4) anywhere in {@code bytes}: each is a status question to a printer. */
    public static int strayRequests(byte[] bytes) {
        int count = 0;
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == 0x10 && bytes[i + 1] == 0x04 && bytes[i + 2] >= 1 && bytes[i + 2] <= 4) {
                count++;
                i += 2;
            }
        }
        return count;
    }

    /** Drops what the printer sent that nobody is waiting for, including bytes still on their way. */
    private void settle() throws IOException {
        link.discardInput();
        for (int dropped = 0; dropped < SETTLE_MAX_BYTES && link.read(SETTLE_GAP) >= 0; dropped++) {
            // a late answer to an earlier question, or noise: not ours
        }
    }

    /** Reads status answers until {@code expected} came, or four came and the line went quiet; the last four count. */
    private PrinterStatus answers(Duration timeout, int expected) throws IOException, DeviceException {
        int[] last = new int[4];
        int got = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got < expected) {
            long left = deadline - System.nanoTime();
            if (got >= 4) {
                left = Math.min(left, QUIET.toNanos());
            }
            int b = left <= 0 ? -1 : link.read(Duration.ofNanos(left));
            if (b < 0) {
                if (got >= 4) {
                    break;
                }
                throw new DeviceException(DeviceException.Code.OFFLINE, link.describe() + ": "
                        + (got == 0 ? "no answer to DLE EOT" : got + " of 4 answers to DLE EOT 1-4") + " within "
                        + timeout.toMillis() + " ms");
            }
            if (PrinterStatus.isStatusByte(b)) {
                last[got % 4] = b;
                got++;
            }
            // anything else is not a status answer (noise, a late reply of another kind): skip it
        }
        if (got != expected) {
            log.debug("status answers={} expected={} (the printer ignores DLE EOT inside data)", got, expected);
        }
        int first = got % 4;   // the oldest of the last four in the ring
        return PrinterStatus.decode(last[first], last[(first + 1) % 4], last[(first + 2) % 4], last[(first + 3) % 4]);
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
