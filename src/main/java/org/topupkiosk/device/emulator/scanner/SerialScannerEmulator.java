package org.topupkiosk.device.emulator.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.scanner.ScanSuffix;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Symbology;

/**
 * A serial barcode scanner on the device end of a line (a {@code MemoryLink} end or one side of a socat pty pair):
 * each scan writes the optional AIM identifier, the text as UTF-8 and the suffix, as a real scanner does unasked.
 */
public final class SerialScannerEmulator implements CodeFeeder {

    private static final Logger log = LoggerFactory.getLogger(SerialScannerEmulator.class);

    private final SerialLink line;
    private final ScanSuffix suffix;
    private final boolean aimIds;

    public SerialScannerEmulator(SerialLink line, ScanSuffix suffix, boolean aimIds) {
        this.line = line;
        this.suffix = suffix;
        this.aimIds = aimIds;
    }

    /** The bytes one scan puts on the wire. */
    public byte[] frame(String text, Symbology symbology) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (aimIds) {
            b.writeBytes(aimId(symbology).getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(suffix.text().getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    @Override
    public void scan(String text, Symbology symbology) {
        try {
            write(frame(text, symbology));
        } catch (DeviceException e) {
            log.warn("scanner emulator could not send: {}", e.getMessage());
        }
    }

    /** Raw bytes on the line: noise, a fragment, a scan in pieces. */
    public void write(byte[] bytes) throws DeviceException {
        if (!line.isOpen()) {
            line.open();
        }
        line.write(bytes);
    }

    /** ISO/IEC 15424 identifier a scanner set to "transmit AIM ID" sends first. */
    static String aimId(Symbology s) {
        if (s == Symbology.CODE_128) {
            return "]C0";
        } else if (s == Symbology.EAN_13) {
            return "]E0";
        } else if (s == Symbology.EAN_8) {
            return "]E4";
        } else if (s == Symbology.QR_CODE) {
            return "]Q1";
        } else if (s == Symbology.DATA_MATRIX) {
            return "]d1";
        } else if (s == Symbology.CODE_39) {
            return "]A0";
        } else if (s == Symbology.PDF_417) {
            return "]L0";
        }
        return "]Z0"; // "]Z": no AIM symbology of its own; read back as unknown
    }
}
