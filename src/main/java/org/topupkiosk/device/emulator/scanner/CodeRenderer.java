package org.topupkiosk.device.emulator.scanner;

import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.topupkiosk.device.scanner.CodeDecoder;
import org.topupkiosk.domain.Symbology;

/** Draws a code as a printer would (ZXing's writers), for the camera emulator. Tests use qrencode/zint instead. */
public final class CodeRenderer {

    private CodeRenderer() {}

    /**
     * @param module pixels per module (QR) or per narrow bar (linear codes)
     * @throws IllegalArgumentException when the text cannot be drawn in that family (letters in an EAN-13)
     */
    public static BufferedImage render(String text, Symbology symbology, int module) {
        com.google.zxing.BarcodeFormat format = CodeDecoder.toZxing(symbology)
                .orElseThrow(() -> new IllegalArgumentException("no barcode family given"));
        boolean twoD = symbology == Symbology.QR_CODE || symbology == Symbology.DATA_MATRIX
                || symbology == Symbology.AZTEC || symbology == Symbology.PDF_417;
        try {
            BitMatrix natural = new MultiFormatWriter().encode(text, format, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), EncodeHintType.MARGIN, 4));
            int w = natural.getWidth() * module;
            int h = twoD ? natural.getHeight() * module : Math.max(60, w / 4);
            BitMatrix m = new MultiFormatWriter().encode(text, format, w, h,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), EncodeHintType.MARGIN, 4));
            return MatrixToImageWriter.toBufferedImage(m);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw \"" + text + "\" as " + symbology + ": " + e.getMessage(), e);
        }
    }
}
