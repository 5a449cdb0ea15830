package org.topupkiosk.domain;

import java.util.Optional;

/**
 * The barcode family a code was printed in. Readers that know it say so (a camera decode, a serial scanner sending
 * AIM symbology identifiers); a keyboard wedge without identifiers says {@link #UNKNOWN}, and the meaning is then read
 * from the text alone.
 */
public enum Symbology {
    QR_CODE, CODE_128, EAN_13, EAN_8, UPC_A, UPC_E, CODE_39, CODE_93, ITF, CODABAR, DATA_MATRIX, PDF_417, AZTEC, UNKNOWN;

    /**
     * The symbology of an AIM identifier ("]C0", "]E0", "]Q1"...: ISO/IEC 15424, the three characters a scanner set to
     * "transmit AIM ID" puts before the data). {@link #UNKNOWN} for an identifier
     * of another family; empty when {@code text} does not start with an identifier.
     */
    public static Optional<Symbology> fromAimPrefix(String text) {
        if (text == null || text.length() < 3 || text.charAt(0) != ']') {
            return Optional.empty();
        }
        char code = text.charAt(1);
        char modifier = text.charAt(2);
        if (!Character.isLetter(code)) {
            return Optional.empty();
        }
        Symbology s = switch (code) {
            case 'C' -> CODE_128;
            case 'E' -> modifier == '4' ? EAN_8 : EAN_13; // ]E0 EAN-13 / UPC-A, ]E4 EAN-8
            case 'Q' -> QR_CODE;
            case 'd' -> DATA_MATRIX;
            case 'A' -> CODE_39;
            case 'G' -> CODE_93;
            case 'I' -> ITF;
            case 'F' -> CODABAR;
            case 'L' -> PDF_417;
            case 'z' -> AZTEC;
            default -> UNKNOWN; // an AIM identifier of a family we do not name: strip it all the same
        };
        return Character.isLetterOrDigit(modifier) ? Optional.of(s) : Optional.empty();
    }
}
