package org.topupkiosk.ui.kit;

import java.util.Map;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code on screen, drawn with ZXing: black modules on white with a quiet zone, sized in whole pixels per module
 * so a phone camera reads it from arm's length. The customer photographs it when the receipt could not be printed.
 */
public final class QrCodeView extends ImageView {

    private static final int QUIET_MODULES = 4;
    private final int targetPx;
    private String payload;

    public QrCodeView(int targetPx) {
        this.targetPx = targetPx;
        getStyleClass().add("qr-code");
        setSmooth(false);
    }

    /** Shows the code for {@code text}; null or blank hides it. Re-encodes only when the text changes. */
    public void show(String text) {
        boolean visible = text != null && !text.isBlank();
        setVisible(visible);
        setManaged(visible);
        if (!visible || text.equals(payload)) {
            return;
        }
        payload = text;
        setImage(render(text, targetPx));
    }

    public static WritableImage render(String text, int targetPx) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for a payload of " + text.length() + " chars", e);
        }
        int modules = m.getWidth() + 2 * QUIET_MODULES;
        int scale = Math.max(2, targetPx / modules);
        int size = modules * scale;
        WritableImage img = new WritableImage(size, size);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / scale - QUIET_MODULES;
                int my = y / scale - QUIET_MODULES;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                w.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return img;
    }
}
