package org.topupkiosk.device.printer.escpos;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.Align;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.QrLevel;
import org.topupkiosk.domain.PrintableText;
import org.topupkiosk.domain.Receipt;

/**
 * A {@link Receipt} as ESC/POS bytes, pure. Text goes in code page 866 (ESC t 17), which covers Russian and ASCII;
 * characters it lacks become readable equivalents ({@link PrintableText}: "₽" is "руб." or "RUB"). A run of Chinese goes
 * in the printer's GB18030 mode (FS &amp; ... FS .) when {@link Options#gb18030()} says the printer has it; otherwise
 * each distinct Chinese character is drawn once and sent as a pair of user-defined characters ({@link GlyphCells}),
 * so only the glyphs travel as dots and the rest of the line stays text. The QR code is the printer's native one (GS ( k) unless the options ask for a
 * raster one. Every receipt ends with a feed and a partial cut.
 */
public final class ReceiptEncoder {

    /**
     * @param gb18030      the printer has Chinese firmware (GB18030 in FS &amp; mode)
     * @param nativeQr     the printer draws QR codes itself (GS ( k); false sends a raster image
     * @param qrModuleDots QR module size in printer dots (6 at 203 dpi is 0.75 mm, easy for phone cameras)
     */
    public record Options(boolean gb18030, boolean nativeQr, int qrModuleDots) {
        public static Options defaults() {
            return new Options(false, true, 6);
        }

        public Options withGb18030(boolean on) {
            return new Options(on, nativeQr, qrModuleDots);
        }

        public Options withNativeQr(boolean on) {
            return new Options(gb18030, on, qrModuleDots);
        }
    }

    static final Charset CP866 = Charset.forName("IBM866");
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final QrLevel QR_LEVEL = QrLevel.M;
    /** Dots fed before the cut so the last line clears the cutter blade (about 3 lines at 203 dpi). */
    private static final int CUT_FEED_DOTS = 72;

    private final Options options;

    public ReceiptEncoder(Options options) {
        this.options = options;
    }

    public byte[] encode(Receipt receipt) {
        EscPosBuilder b = new EscPosBuilder().initialize().codePage(EscPosBuilder.CODE_PAGE_CP866);
        GlyphCells glyphs = options.gb18030() ? null : new GlyphCells();
        Modes modes = new Modes();
        if (glyphs != null) {
            glyphs.prepareAll(b, receipt.lines().stream().map(l -> printable(l.text(), true)).toList());
        }
        for (Receipt.Line line : receipt.lines()) {
            line(b, line, glyphs, modes);
        }
        modes.user(b, false);
        modes.set(b, Receipt.Style.CENTER);
        if (receipt.qrPayload() != null) {
            if (options.nativeQr()) {
                b.qr(receipt.qrPayload(), options.qrModuleDots(), QR_LEVEL);
            } else {
                b.raster(QrRaster.render(receipt.qrPayload(), options.qrModuleDots(), QR_LEVEL));
            }
            b.newline();
        }
        if (receipt.barcode() != null) {
            b.code128(receipt.barcode(), 80, 2).newline();
        }
        return b.feedLines(2).cut(EscPosBuilder.Cut.PARTIAL, CUT_FEED_DOTS).toBytes();
    }

    /**
     * A line's modes (alignment, bold, size) are sent when they change from the line before: ESC @ at the top of the
     * receipt fixes where they start. Text outside the code page is made printable first ({@link PrintableText});
     * Chinese goes as GB18030 text or, without it, as user-defined glyphs ({@link GlyphCells}). User-defined mode
     * stays on across spaces and Cyrillic (bytes no user character can take), so only a run with ASCII between two
     * Chinese runs switches it off.
     */
    private void line(EscPosBuilder b, Receipt.Line line, GlyphCells glyphs, Modes modes) {
        String text = printable(line.text(), glyphs != null);
        if (glyphs != null && !glyphs.fits(text)) {
            // More distinct Chinese characters than user-defined codes (a line far wider than any receipt's): the
            // line goes whole as a raster image.
            modes.set(b, line.style());
            b.raster(TextRaster.render(text, line.style().bold(), line.style().large() ? 2 : 1));
            return;
        }
        if (glyphs != null) {
            glyphs.prepare(b, text);
        }
        modes.set(b, line.style());
        boolean tabs = !line.style().centered() && !line.style().large();
        int column = 0;
        for (Run r : runs(text)) {
            int start = column;
            column += Receipt.displayWidth(r.text());
            if (!r.chinese()) {
                byte[] bytes = (tabs ? tabbed(r.text(), start) : r.text()).getBytes(CP866);
                if (!userSafe(bytes)) {
                    modes.user(b, false);
                }
                b.raw(bytes);
            } else if (glyphs == null) {
                b.chineseOn().raw(r.text().getBytes(GB18030)).chineseOff();
            } else {
                modes.user(b, true);
                r.text().codePoints().forEach(cp -> b.raw(glyphs.codes(cp)));
            }
        }
        b.newline();   // user-defined mode may stay on: LF and the next line's spaces and Cyrillic print the same
    }

    /** Printable text; with glyphs, full-width punctuation as narrow text (a glyph less each, same columns). */
    private static String printable(String text, boolean glyphs) {
        String p = PrintableText.of(text);
        return glyphs ? PrintableText.narrowPunctuation(p) : p;
    }

    /** Tab stops after ESC @: every 8 characters. */
    static final int TAB = 8;

    /**
     * Runs of spaces that reach a tab stop become HT (one byte to the next stop), so the gap in "Label:     value"
     * lines costs a few bytes, not twenty. {@code start} is the column the text begins at.
     */
    static String tabbed(String text, int start) {
        StringBuilder sb = new StringBuilder(text.length());
        int col = start;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != ' ') {
                sb.append(text.charAt(i++));
                col++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) == ' ') {
                end++;
            }
            int target = col + (end - i);
            while ((col / TAB + 1) * TAB <= target && (col / TAB + 1) * TAB - col > 1) {
                sb.append('\t');
                col = (col / TAB + 1) * TAB;
            }
            sb.append(" ".repeat(target - col));
            col = target;
            i = end;
        }
        return sb.toString();
    }

    /** Bytes that print the same in user-defined mode: spaces and the code page's upper half (Cyrillic). */
    private static boolean userSafe(byte[] bytes) {
        for (byte x : bytes) {
            if (x != ' ' && (x & 0x80) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The modes the printer is in, so a line sends only what changes. */
    private static final class Modes {
        private Align align = Align.LEFT;
        private boolean bold;
        private int scale = 1;
        private boolean user;

        /** ESC % when user-defined mode is to change. */
        void user(EscPosBuilder b, boolean on) {
            if (on != user) {
                b.userChars(on);
                user = on;
            }
        }

        void set(EscPosBuilder b, Receipt.Style style) {
            Align a = style.centered() ? Align.CENTER : Align.LEFT;
            int sc = style.large() ? 2 : 1;
            if (a != align) {
                b.align(a);
                align = a;
            }
            if (style.bold() != bold) {
                b.bold(style.bold());
                bold = style.bold();
            }
            if (sc != scale) {
                b.size(sc, sc);
                scale = sc;
            }
        }
    }

    private record Run(String text, boolean chinese) {}

    /** Splits printable text into code page runs and Chinese (wide) runs. */
    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean chinese = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean isChinese = !PrintableText.inCodePage(cp);
            if (isChinese != chinese && !current.isEmpty()) {
                runs.add(new Run(current.toString(), chinese));
                current.setLength(0);
            }
            chinese = isChinese;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), chinese));
        }
        return runs;
    }

    /** Text as the printer prints it (see {@link PrintableText}): what the emulator's decoded lines read back as. */
    public static String normalise(String text) {
        return PrintableText.of(text);
    }
}
