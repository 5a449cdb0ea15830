package org.topupkiosk.device.scanner;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.topupkiosk.domain.Symbology;

/**
 * ZXing over a frame, restricted to the formats the kiosk expects (POSSIBLE_FORMATS) and to a region of interest.
 * Without TRY_HARDER ZXing scans fewer rows and angles; a linear code held upright (rotated 90 degrees) is caught by
 * one extra pass over the rotated region, and only when a linear format is wanted. Not thread-safe (ZXing readers keep
 * state): the camera driver decodes on one worker; make one decoder per thread.
 */
public final class CodeDecoder {

    /** A code found in a frame. */
    public record Decoded(String text, Symbology symbology) {}

    private final Set<Symbology> formats;
    private final Roi roi;
    private final boolean tryHarder;
    private final MultiFormatReader reader = new MultiFormatReader();
    private final boolean linear;

    /**
     * @param formats   the families to look for; empty means every family ZXing knows
     * @param tryHarder ZXing's slow, thorough mode (the kioskctl decode and the bench's baseline; too slow per frame)
     */
    public CodeDecoder(Set<Symbology> formats, Roi roi, boolean tryHarder) {
        this.formats = formats.isEmpty() ? EnumSet.complementOf(EnumSet.of(Symbology.UNKNOWN)) : EnumSet.copyOf(formats);
        this.roi = roi;
        this.tryHarder = tryHarder;
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        List<BarcodeFormat> zx = new ArrayList<>();
        for (Symbology s : this.formats) {
            toZxing(s).ifPresent(zx::add);
        }
        hints.put(DecodeHintType.POSSIBLE_FORMATS, zx);
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        reader.setHints(hints);
        linear = zx.stream().anyMatch(f -> f != BarcodeFormat.QR_CODE && f != BarcodeFormat.DATA_MATRIX
                && f != BarcodeFormat.AZTEC && f != BarcodeFormat.PDF_417 && f != BarcodeFormat.MAXICODE);
    }

    /** Every family, TRY_HARDER, the whole frame: thorough, for files and as the bench's baseline. */
    public static CodeDecoder thorough() {
        return new CodeDecoder(Set.of(), Roi.FULL, true);
    }

    public Set<Symbology> formats() {
        return Collections.unmodifiableSet(formats);
    }

    /** The first code found in the region, if any. */
    public Optional<Decoded> decode(BufferedImage frame) {
        LuminanceSource source = crop(frame);
        Optional<Decoded> d = decodeOnce(source);
        if (d.isEmpty() && linear && !tryHarder && source.isRotateSupported()) {
            d = decodeOnce(source.rotateCounterClockwise());
        }
        return d;
    }

    /** All codes in the region (ZXing's multiple-barcode reader: it decodes, blanks the hit, and looks again). */
    public List<Decoded> decodeAll(BufferedImage frame) {
        LuminanceSource source = crop(frame);
        Set<Decoded> found = new LinkedHashSet<>(multi(source));
        if (linear && source.isRotateSupported()) {
            found.addAll(multi(source.rotateCounterClockwise()));
        }
        return List.copyOf(found);
    }

    private List<Decoded> multi(LuminanceSource source) {
        List<Decoded> out = new ArrayList<>();
        try {
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            List<BarcodeFormat> zx = new ArrayList<>();
            formats.forEach(s -> toZxing(s).ifPresent(zx::add));
            hints.put(DecodeHintType.POSSIBLE_FORMATS, zx);
            hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            if (tryHarder) {
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            }
            Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader())
                    .decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints);
            for (Result r : results) {
                out.add(new Decoded(r.getText(), fromZxing(r.getBarcodeFormat())));
            }
        } catch (NotFoundException e) {
            // none in this orientation
        } finally {
            reader.reset();
        }
        return out;
    }

    /**
     * The frame as 8-bit grey, what a camera's Y plane (YUYV, NV12) already is. The decoder reads any image, but a
     * colour one is converted on every decode; the camera driver converts once per frame, before the decode worker.
     */
    public static BufferedImage grey(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return frame;
        }
        BufferedImage g = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D gr = g.createGraphics();
        gr.drawImage(frame, 0, 0, null);
        gr.dispose();
        return g;
    }

    private LuminanceSource crop(BufferedImage frame) {
        int[] r = roi.pixels(frame.getWidth(), frame.getHeight());
        return new BufferedImageLuminanceSource(frame, r[0], r[1], r[2], r[3]);
    }

    private Optional<Decoded> decodeOnce(LuminanceSource source) {
        try {
            Result r = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
            return Optional.of(new Decoded(r.getText(), fromZxing(r.getBarcodeFormat())));
        } catch (ReaderException e) {
            return Optional.empty(); // not found, checksum or format error: nothing readable in this frame
        } finally {
            reader.reset();
        }
    }

    public static Optional<BarcodeFormat> toZxing(Symbology s) {
        if (s == Symbology.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(BarcodeFormat.valueOf(s.name()));
    }

    public static Symbology fromZxing(BarcodeFormat f) {
        try {
            return Symbology.valueOf(f.name());
        } catch (IllegalArgumentException e) {
            return Symbology.UNKNOWN; // RSS, MaxiCode, UPC/EAN extension: families we never take
        }
    }
}
