package org.topupkiosk.device.emulator.printer;

import java.nio.file.Path;
import java.util.List;

/**
 * One receipt the emulated printer cut off: its PNG (null when not rendering to files), its text lines as decoded from
 * the code page or GB18030 bytes, and the payloads of its QR codes and barcodes.
 */
public record PrintedReceipt(int number, Path png, List<String> lines, List<String> qrPayloads,
                             List<String> barcodes, boolean partialCut) {

    public PrintedReceipt {
        lines = List.copyOf(lines);
        qrPayloads = List.copyOf(qrPayloads);
        barcodes = List.copyOf(barcodes);
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
