package org.topupkiosk.device.printer.escpos;

import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.device.DeviceException;

/**
 * What the four real-time status bytes say (DLE EOT 1..4, Epson ESC/POS reference). Each answer byte has bits 1 and 4
 * set and bits 0 and 7 clear, which is how a status byte is told from stray data.
 *
 * <pre>
 * n=1 printer:       bit 3 offline
 * n=2 offline cause: bit 2 cover open, bit 5 stopped at paper end, bit 6 error
 * n=3 error cause:   bit 3 autocutter error, bit 5 unrecoverable error, bit 6 auto-recoverable error
 * n=4 paper sensor:  bits 2-3 roll near its end, bits 5-6 roll at its end
 * </pre>
 */
public record PrinterStatus(boolean offline, boolean coverOpen, boolean paperOut, boolean paperNearEnd,
                            boolean cutterError, boolean unrecoverable, boolean error) {

    public static final PrinterStatus READY = new PrinterStatus(false, false, false, false, false, false, false);

    /** True when the byte has the fixed bits a status answer carries. */
    public static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    /** Decodes the answers to DLE EOT 1, 2, 3 and 4, in that order. */
    public static PrinterStatus decode(int printer, int offlineCause, int errorCause, int paper) {
        for (int b : new int[] {printer, offlineCause, errorCause, paper}) {
            if (!isStatusByte(b)) {
                throw new IllegalArgumentException(String.format("0x%02X is not a DLE EOT status byte", b));
            }
        }
        return new PrinterStatus(
                (printer & 0x08) != 0,
                (offlineCause & 0x04) != 0,
                (offlineCause & 0x20) != 0 || (paper & 0x60) != 0,
                (paper & 0x0C) != 0,
                (errorCause & 0x08) != 0,
                (errorCause & 0x20) != 0,
                (offlineCause & 0x40) != 0 || (errorCause & 0x40) != 0);
    }

    /** The bytes a printer in this state answers to DLE EOT 1..4 (for the emulator and fixtures). */
    public int[] encode() {
        boolean anyOffline = offline || coverOpen || paperOut || error || cutterError || unrecoverable;
        int printer = 0x12 | (anyOffline ? 0x08 : 0);
        int offlineCause = 0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0)
                | (error || cutterError || unrecoverable ? 0x40 : 0);
        int errorCause = 0x12 | (cutterError ? 0x08 : 0) | (unrecoverable ? 0x20 : 0) | (error ? 0x40 : 0);
        int paper = 0x12 | (paperNearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0);
        return new int[] {printer, offlineCause, errorCause, paper};
    }

    /** True when a receipt can be printed now (near end still prints). */
    public boolean ready() {
        return !offline && !coverOpen && !paperOut && !cutterError && !unrecoverable && !error;
    }

    /** The most useful single reason a receipt cannot print, or null when it can. */
    public DeviceException problem() {
        if (paperOut) {
            return new DeviceException(DeviceException.Code.PAPER_OUT, "paper out");
        }
        if (coverOpen) {
            return new DeviceException(DeviceException.Code.COVER_OPEN, "cover open");
        }
        if (cutterError) {
            return new DeviceException(DeviceException.Code.JAM, "cutter error (paper jam at the cutter?)");
        }
        if (unrecoverable || error) {
            return new DeviceException(DeviceException.Code.FAILURE, unrecoverable ? "unrecoverable error" : "error");
        }
        if (offline) {
            return new DeviceException(DeviceException.Code.OFFLINE, "printer offline");
        }
        return null;
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (offline) {
            parts.add("offline");
        }
        if (coverOpen) {
            parts.add("cover open");
        }
        if (paperOut) {
            parts.add("paper out");
        } else if (paperNearEnd) {
            parts.add("paper near end");
        }
        if (cutterError) {
            parts.add("cutter error");
        }
        if (unrecoverable) {
            parts.add("unrecoverable error");
        } else if (error) {
            parts.add("error");
        }
        return parts.isEmpty() ? "ready" : String.join(", ", parts);
    }
}
