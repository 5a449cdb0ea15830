package org.topupkiosk.device.scanner;

import java.util.Objects;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;

/**
 * One code read by a scanner: its text (without the suffix or AIM identifier the scanner added), the barcode family
 * when the reader knows it, and which kind of reader saw it. The text may be a voucher PIN: log it through
 * {@link #toString()}, which shows only its length.
 */
public record ScanReading(String text, Symbology symbology, Source source) {

    public enum Source { SERIAL, WEDGE, CAMERA }

    public ScanReading {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(source, "source");
    }

    /** What the code means to the kiosk (pure; see {@link ScannedCode#classify}). */
    public CodeMeaning meaning() {
        return ScannedCode.classify(text, symbology);
    }

    @Override
    public String toString() {
        return "ScanReading[" + text.length() + " chars, " + symbology + ", " + source + "]";
    }
}
