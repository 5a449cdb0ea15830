package org.topupkiosk.device.printer.escpos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code drawn here rather than by the printer (ZXing), for printers without GS ( k and for the bench that weighs
 * the two against each other. Includes the four-module quiet zone.
 */
public final class QrRaster {

    private QrRaster() {}

    public static Bitmap render(String payload, int moduleDots, EscPosBuilder.QrLevel level) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(level.name()),
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR payload cannot be encoded: " + e.getMessage(), e);
        }
        return Bitmap.of(m.getWidth() * moduleDots, m.getHeight() * moduleDots,
                (x, y) -> m.get(x / moduleDots, y / moduleDots));
    }
}
