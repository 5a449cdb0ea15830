package org.topupkiosk.device.emulator.printer;

import java.util.function.IntConsumer;

/**
 * Finds DLE EOT n (0x10 0x04 n, n 1..4) wherever it appears in a byte stream, across chunk boundaries and regardless
 * of the command it sits in (raster rows, QR data, text), the way a printer's receive side does: Epson's reference
 * says the status is sent "whenever the data sequence 10h 04h n is received", even inside another command's data.
 */
final class RealtimeScan {

    private int matched;   // 0: nothing, 1: saw DLE, 2: saw DLE EOT

    /** Calls {@code request} with n for each DLE EOT n completed by this chunk. */
    void scan(byte[] chunk, IntConsumer request) {
        for (byte value : chunk) {
            int b = value & 0xFF;
            if (matched == 2 && b >= 1 && b <= 4) {
                request.accept(b);
                matched = 0;
            } else if (matched == 1 && b == 0x04) {
                matched = 2;
            } else {
                matched = b == 0x10 ? 1 : 0;
            }
        }
    }
}
