package org.topupkiosk.device.printer.escpos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topupkiosk.domain.Receipt;

/**
 * Chinese on a printer without Chinese firmware, glyph by glyph: each distinct character is drawn once (24 x 24 dots,
 * two 12 x 24 font A cells) and sent as two user-defined characters (ESC &amp;), which the line then prints between
 * ESC % 1 and ESC % 0 like any other character: text around it stays text, bold and double size apply, and a glyph
 * that repeats costs two bytes. Codes 33..126 hold 47 glyphs; a line needing more than are free starts the table over
 * (only between lines, after the previous one printed).
 */
final class GlyphCells {

    static final int FIRST_CODE = 33;
    static final int LAST_CODE = 126;
    private static final int BYTES_TALL = 3;

    private final Map<Integer, Integer> codeOf = new HashMap<>();
    private int next = FIRST_CODE;

    /** True when the line's distinct Chinese characters fit in the table at all (47 of them). */
    boolean fits(String line) {
        return line.codePoints().filter(Receipt::isWide).distinct().count() * 2 <= LAST_CODE - FIRST_CODE + 1;
    }

    /** Defines the glyphs of the whole receipt in one ESC &amp; when they fit the table (one header, not one a line). */
    void prepareAll(EscPosBuilder b, List<String> lines) {
        String all = String.join("", lines);
        if (codeOf.isEmpty() && fits(all)) {
            prepare(b, all);
        }
    }

    /** Defines the glyphs {@code line} needs that are not defined yet. */
    void prepare(EscPosBuilder b, String line) {
        Set<Integer> missing = missing(line);
        if (missing.isEmpty()) {
            return;
        }
        if (next + missing.size() * 2 - 1 > LAST_CODE) {
            codeOf.clear();
            next = FIRST_CODE;
            missing = missing(line);
        }
        List<byte[]> cells = new ArrayList<>();
        int first = next;
        for (int cp : missing) {
            Bitmap glyph = TextRaster.render(new String(Character.toChars(cp)), false, 1);
            cells.add(column(glyph, 0));
            cells.add(column(glyph, TextRaster.CELL_WIDTH));
            codeOf.put(cp, next);
            next += 2;
        }
        b.defineChars(BYTES_TALL, first, cells);
    }

    /** The two codes that print {@code cp}, after {@link #prepare} for its line. */
    byte[] codes(int cp) {
        int code = codeOf.get(cp);
        return new byte[] {(byte) code, (byte) (code + 1)};
    }

    private Set<Integer> missing(String line) {
        Set<Integer> out = new LinkedHashSet<>();
        line.codePoints().filter(Receipt::isWide).filter(cp -> !codeOf.containsKey(cp)).forEach(out::add);
        return out;
    }

    /** One 12 x 24 cell of the glyph from column {@code x0}, column by column, top byte first (ESC &amp;'s order). */
    private static byte[] column(Bitmap glyph, int x0) {
        byte[] out = new byte[TextRaster.CELL_WIDTH * BYTES_TALL];
        for (int x = 0; x < TextRaster.CELL_WIDTH; x++) {
            for (int y = 0; y < TextRaster.CELL_HEIGHT && y < glyph.height(); y++) {
                if (x0 + x < glyph.width() && glyph.black(x0 + x, y)) {
                    out[x * BYTES_TALL + y / 8] |= (byte) (0x80 >> (y % 8));
                }
            }
        }
        return out;
    }
}
