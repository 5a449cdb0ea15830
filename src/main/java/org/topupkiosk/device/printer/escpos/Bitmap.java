package org.topupkiosk.device.printer.escpos;

import java.util.Arrays;

/**
 * A 1-bit image in the printer's raster layout: rows of {@code ceil(width / 8)} bytes, most significant bit leftmost,
 * 1 = a black dot.
 */
public record Bitmap(int width, int height, byte[] bits) {

    public Bitmap {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("bitmap " + width + "x" + height + " (expected at least 1x1)");
        }
        if (bits.length != ((width + 7) / 8) * height) {
            throw new IllegalArgumentException("bitmap data is " + bits.length + " bytes, expected "
                    + ((width + 7) / 8) * height);
        }
        bits = bits.clone();
    }

    public static Bitmap blank(int width, int height) {
        return new Bitmap(width, height, new byte[((width + 7) / 8) * height]);
    }

    public int rowBytes() {
        return (width + 7) / 8;
    }

    public boolean black(int x, int y) {
        return (bits[y * rowBytes() + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    @Override
    public byte[] bits() {
        return bits.clone();
    }

    /** Builds a bitmap from a predicate over dots, for renderers. */
    public static Bitmap of(int width, int height, DotSource black) {
        int rowBytes = (width + 7) / 8;
        byte[] b = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (black.black(x, y)) {
                    b[y * rowBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new Bitmap(width, height, b);
    }

    @FunctionalInterface
    public interface DotSource {
        boolean black(int x, int y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitmap b && b.width == width && b.height == height && Arrays.equals(b.bits, bits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(bits);
    }
}
