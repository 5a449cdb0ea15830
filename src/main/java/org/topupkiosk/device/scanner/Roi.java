package org.topupkiosk.device.scanner;

/**
 * The region of interest of a camera frame, as fractions of its width and height, so it survives a resolution change.
 * The camera looks at the whole counter; codes are held up in a marked window, and decoding only that window is
 * both faster and blind to a poster in the background.
 */
public record Roi(double x, double y, double width, double height) {

    public static final Roi FULL = new Roi(0, 0, 1, 1);

    public Roi {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1.000001 && y + height <= 1.000001)) {
            throw new IllegalArgumentException("region " + x + "," + y + " " + width + "x" + height
                    + " is not inside the frame (fractions 0..1, width and height above 0)");
        }
    }

    /** The pixel rectangle {x, y, w, h} in a frame of this size, at least 1x1. */
    public int[] pixels(int frameWidth, int frameHeight) {
        int px = (int) Math.floor(x * frameWidth);
        int py = (int) Math.floor(y * frameHeight);
        int pw = Math.max(1, Math.min(frameWidth - px, (int) Math.round(width * frameWidth)));
        int ph = Math.max(1, Math.min(frameHeight - py, (int) Math.round(height * frameHeight)));
        return new int[] {px, py, pw, ph};
    }
}
