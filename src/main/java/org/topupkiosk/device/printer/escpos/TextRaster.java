package org.topupkiosk.device.printer.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.topupkiosk.domain.Receipt;

/**
 * Draws a line of text as printer dots, for text the printer's fonts cannot show (Chinese on a printer without
 * GB18030). Characters sit in the printer's own 12 x 24 dot cells (24 x 24 for CJK), so a raster line lines up with
 * the text lines around it. Needs a CJK font (fonts-noto-cjk); AWT falls back to a logical font otherwise.
 */
public final class TextRaster {

    public static final int CELL_WIDTH = 12;
    public static final int CELL_HEIGHT = 24;
    private static final String FONT = "Noto Sans Mono CJK SC";

    private TextRaster() {}

    /** The line in cells of {@code scale} times the normal size (2 for large type). */
    public static Bitmap render(String text, boolean bold, int scale) {
        int cellW = CELL_WIDTH * scale;
        int cellH = CELL_HEIGHT * scale;
        int width = Math.max(1, Receipt.displayWidth(text)) * cellW;
        BufferedImage img = new BufferedImage(width, cellH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, cellH);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setFont(new Font(FONT, bold ? Font.BOLD : Font.PLAIN, Math.round(cellH * 0.86f)));
            int baseline = Math.round(cellH * 0.82f);
            int x = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int cells = Receipt.isWide(cp) ? 2 : 1;
                String ch = new String(Character.toChars(cp));
                int advance = g.getFontMetrics().stringWidth(ch);
                g.drawString(ch, x + Math.max(0, (cells * cellW - advance) / 2), baseline);
                x += cells * cellW;
                i += Character.charCount(cp);
            }
        } finally {
            g.dispose();
        }
        return Bitmap.of(width, cellH, (x, y) -> (img.getRaster().getSample(x, y, 0) & 0xFF) < 128);
    }
}
