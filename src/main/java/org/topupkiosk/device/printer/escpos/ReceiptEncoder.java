package org.topupkiosk.device.printer.escpos;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.Align;
import org.topupkiosk.device.printer.escpos.EscPosBuilder.QrLevel;
import org.topupkiosk.domain.Receipt;

/**
 * A {@link Receipt} as ESC/POS bytes, pure. Text goes in code page 866 (ESC t 17), which covers Russian and ASCII.
 * A run of Chinese goes in the printer's GB18030 mode (FS &amp; ... FS .) when {@link Options#gb18030()} says the
 * printer has it; otherwise, or for any other character the printer cannot show, the whole line is sent as a raster
 * image drawn in the printer's cell grid. The QR code is the printer's native one (GS ( k) unless the options ask for a
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
        for (Receipt.Line line : receipt.lines()) {
            line(b, line);
        }
        b.align(Align.CENTER).bold(false).size(1, 1);
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
        return b.align(Align.LEFT).feedLines(2).cut(EscPosBuilder.Cut.PARTIAL, CUT_FEED_DOTS).toBytes();
    }

    /**
     * Every line states its modes in full (9 bytes) rather than only the changes: a line then prints right even if
     * the printer dropped its modes in between, and the budget (2 KB a receipt) has room for it.
     */
    private void line(EscPosBuilder b, Receipt.Line line) {
        Receipt.Style style = line.style();
        int scale = style.large() ? 2 : 1;
        b.align(style.centered() ? Align.CENTER : Align.LEFT).bold(style.bold()).size(scale, scale);
        String text = normalise(line.text());
        List<Run> runs = runs(text);
        if (runs == null) {
            b.raster(TextRaster.render(text, style.bold(), scale));   // a raster block ends its own line: no LF
            return;
        }
        for (Run r : runs) {
            if (r.chinese()) {
                b.chineseOn().raw(r.text().getBytes(GB18030)).chineseOff();
            } else {
                b.raw(r.text().getBytes(CP866));
            }
        }
        b.newline();
    }

    private record Run(String text, boolean chinese) {}

    /** Splits into code page and GB18030 runs; null when some character fits neither, so the line goes as raster. */
    private List<Run> runs(String text) {
        CharsetEncoder cp866 = CP866.newEncoder();
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean chinese = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            boolean isChinese;
            if (cp >= 0x20 && cp != 0x7F && cp866.canEncode(ch)) {
                isChinese = false;
            } else if (options.gb18030() && Receipt.isWide(cp)) {
                isChinese = true;
            } else {
                return null;
            }
            if (isChinese != chinese && !current.isEmpty()) {
                runs.add(new Run(current.toString(), chinese));
                current.setLength(0);
            }
            chinese = isChinese;
            current.append(ch);
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), chinese));
        }
        return runs;
    }

    /**
     * Typography code page 866 lacks, one character for one so the layout's columns hold: special spaces become
     * spaces, guillemets and curly quotes straight quotes, dashes hyphens. Without this a Russian address with
     * «quotes» would go as a raster image.
     */
    public static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u00A0', '\u2009', '\u202F' -> sb.append(' ');
                case '«', '»', '“', '”', '„' -> sb.append('"');
                case '‘', '’' -> sb.append('\'');
                case '–', '—', '‑' -> sb.append('-');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
