package org.topupkiosk.device.emulator.printer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.topupkiosk.device.printer.escpos.Bitmap;
import org.topupkiosk.domain.Receipt;

/**
 * Draws the emulated paper: one dot per pixel at the printer's 203 dpi, 12 x 24 dot character cells (24 x 24 for CJK),
 * bold and GS ! sizes, raster images dot for dot, and QR codes and barcodes drawn by ZXing from the payload the
 * printer stored, as a printer's firmware would. Black on white, so an independent decoder (zbarimg) can read it.
 */
public final class PaperRenderer {

    private static final int CELL_W = 12;
    private static final int CELL_H = 24;
    private static final int LINE_GAP = 6;   // ESC 2 default line spacing is 30 dots for a 24-dot font
    private static final int MARGIN = 16;
    private static final String FONT = "Noto Sans Mono CJK SC";

    private final int paperDots;

    /** @param paperDots printable width: 576 dots on 80 mm paper, 384 on 58 mm */
    public PaperRenderer(int paperDots) {
        this.paperDots = paperDots;
    }

    public BufferedImage render(List<PaperBlock> blocks) {
        int height = MARGIN * 2;
        for (PaperBlock b : blocks) {
            height += heightOf(b);
        }
        BufferedImage img = new BufferedImage(paperDots + MARGIN * 2, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = MARGIN;
            for (PaperBlock b : blocks) {
                draw(g, b, y);
                y += heightOf(b);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private int heightOf(PaperBlock b) {
        if (b instanceof PaperBlock.TextLine t) {
            int h = 1;
            for (PaperBlock.Run r : t.runs()) {
                h = Math.max(h, r.heightTimes());
            }
            return h * CELL_H + LINE_GAP;
        }
        if (b instanceof PaperBlock.Image i) {
            return i.bitmap().height();
        }
        if (b instanceof PaperBlock.Qr q) {
            return qr(q).getHeight() * q.moduleDots();
        }
        if (b instanceof PaperBlock.Barcode c) {
            return c.heightDots() + CELL_H + LINE_GAP;
        }
        if (b instanceof PaperBlock.Feed f) {
            return f.dots();
        }
        return 0;
    }

    private void draw(Graphics2D g, PaperBlock b, int y) {
        if (b instanceof PaperBlock.TextLine t) {
            drawText(g, t, y);
        } else if (b instanceof PaperBlock.Image i) {
            Bitmap bm = i.bitmap();
            int x0 = left(i.align(), bm.width());
            for (int yy = 0; yy < bm.height(); yy++) {
                for (int xx = 0; xx < bm.width(); xx++) {
                    if (bm.black(xx, yy)) {
                        g.fillRect(x0 + xx, y + yy, 1, 1);
                    }
                }
            }
        } else if (b instanceof PaperBlock.Qr q) {
            BitMatrix m = qr(q);
            int s = q.moduleDots();
            int x0 = left(q.align(), m.getWidth() * s);
            for (int yy = 0; yy < m.getHeight(); yy++) {
                for (int xx = 0; xx < m.getWidth(); xx++) {
                    if (m.get(xx, yy)) {
                        g.fillRect(x0 + xx * s, y + yy * s, s, s);
                    }
                }
            }
        } else if (b instanceof PaperBlock.Barcode c) {
            BitMatrix m = new Code128Writer().encode(c.text(), BarcodeFormat.CODE_128, 0, 0);
            int s = Math.max(1, c.moduleDots());
            int x0 = left(c.align(), m.getWidth() * s);
            for (int xx = 0; xx < m.getWidth(); xx++) {
                if (m.get(xx, 0)) {
                    g.fillRect(x0 + xx * s, y, s, c.heightDots());
                }
            }
            drawText(g, new PaperBlock.TextLine(c.align(), List.of(new PaperBlock.Run(c.text(), false, 1, 1))),
                    y + c.heightDots());
        }
    }

    private void drawText(Graphics2D g, PaperBlock.TextLine t, int y) {
        int width = 0;
        int rowH = 1;
        for (PaperBlock.Run r : t.runs()) {
            width += Receipt.displayWidth(r.text()) * CELL_W * r.widthTimes();
            rowH = Math.max(rowH, r.heightTimes());
        }
        int x = left(t.align(), width);
        int baseline = y + rowH * CELL_H - Math.round(CELL_H * 0.2f);
        for (PaperBlock.Run r : t.runs()) {
            if (!r.cells().isEmpty()) {
                x = drawCells(g, r, x, y + (rowH - r.heightTimes()) * CELL_H);
                continue;
            }
            Font base = new Font(FONT, r.bold() ? Font.BOLD : Font.PLAIN, Math.round(CELL_H * 0.86f));
            g.setFont(base.deriveFont(java.awt.geom.AffineTransform.getScaleInstance(r.widthTimes(), r.heightTimes())));
            for (int i = 0; i < r.text().length(); ) {
                int cp = r.text().codePointAt(i);
                int cellW = (Receipt.isWide(cp) ? 2 : 1) * CELL_W * r.widthTimes();
                String ch = new String(Character.toChars(cp));
                int advance = g.getFontMetrics().stringWidth(ch);
                g.drawString(ch, x + Math.max(0, (cellW - advance) / 2), baseline);
                x += cellW;
                i += Character.charCount(cp);
            }
        }
    }

    /** User-defined characters dot for dot, each dot scaled by GS !; emphasis doubles each dot to the right. */
    private static int drawCells(Graphics2D g, PaperBlock.Run r, int x, int top) {
        int sx = r.widthTimes();
        int sy = r.heightTimes();
        for (Bitmap cell : r.cells()) {
            for (int yy = 0; yy < cell.height(); yy++) {
                for (int xx = 0; xx < cell.width(); xx++) {
                    if (cell.black(xx, yy)) {
                        g.fillRect(x + xx * sx, top + yy * sy, sx + (r.bold() ? 1 : 0), sy);
                    }
                }
            }
            x += CELL_W * sx;
        }
        return x;
    }

    private int left(int align, int width) {
        int free = Math.max(0, paperDots - width);
        return MARGIN + (align == 1 ? free / 2 : align == 2 ? free : 0);
    }

    private static BitMatrix qr(PaperBlock.Qr q) {
        try {
            return new QRCodeWriter().encode(q.payload(), BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(String.valueOf(q.level())),
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("stored QR payload cannot be drawn: " + e.getMessage(), e);
        }
    }
}
