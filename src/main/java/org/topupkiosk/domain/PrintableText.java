package org.topupkiosk.domain;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.Map;

/**
 * Text as a receipt printer can print it: what code page 866 has stays, Chinese (and other wide CJK characters) stays
 * for the GB18030 mode or the raster glyphs, and everything else becomes a readable equivalent or is dropped, never a
 * '?' or a box. The rouble sign becomes "руб." in a line with Cyrillic and "RUB" elsewhere (CP866 has no ₽); quotes,
 * dashes, special spaces and the ellipsis their plain forms; accented Latin letters lose the accent; emoji and
 * invisible characters go. Pure and idempotent.
 */
public final class PrintableText {

    private PrintableText() {}

    /** Code page 866 (Cyrillic #2, ESC t 17): what a receipt printer without Chinese firmware prints as text. */
    public static final Charset CP866 = Charset.forName("IBM866");

    /** Replacements for characters CP866 lacks and Unicode decomposition does not help with. */
    private static final Map<Integer, String> TABLE = Map.ofEntries(
            Map.entry(0x00AB, "\""), Map.entry(0x00BB, "\""), Map.entry(0x201C, "\""), Map.entry(0x201D, "\""),
            Map.entry(0x201E, "\""), Map.entry(0x201F, "\""), Map.entry(0x2033, "\""), Map.entry(0x2039, "'"),
            Map.entry(0x203A, "'"), Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"),
            Map.entry(0x201B, "'"), Map.entry(0x2032, "'"), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"),
            Map.entry(0x2012, "-"), Map.entry(0x2013, "-"), Map.entry(0x2014, "-"), Map.entry(0x2015, "-"),
            Map.entry(0x2212, "-"), Map.entry(0x2026, "..."), Map.entry(0x2022, "*"), Map.entry(0x2023, ">"),
            Map.entry(0x00A9, "(c)"), Map.entry(0x00AE, "(R)"), Map.entry(0x2122, "TM"), Map.entry(0x20AC, "EUR"),
            Map.entry(0x00A3, "GBP"), Map.entry(0x00A5, "CNY"), Map.entry(0x00D7, "x"), Map.entry(0x2044, "/"),
            Map.entry(0x00A7, "S"), Map.entry(0x00B6, ""), Map.entry(0x2192, "->"),
            Map.entry(0x2190, "<-"), Map.entry(0x2713, "v"), Map.entry(0x2714, "v"), Map.entry(0x00B1, "+/-"),
            Map.entry(0x00A6, "|"), Map.entry(0x00AC, "-"), Map.entry(0x00AD, ""), Map.entry(0x00BF, "?"),
            Map.entry(0x00A1, "!"), Map.entry(0x00DF, "ss"), Map.entry(0x00E6, "ae"), Map.entry(0x00C6, "AE"),
            Map.entry(0x0153, "oe"), Map.entry(0x0152, "OE"), Map.entry(0x00F8, "o"), Map.entry(0x00D8, "O"),
            Map.entry(0x0142, "l"), Map.entry(0x0141, "L"), Map.entry(0x0111, "d"), Map.entry(0x0110, "D"),
            Map.entry(0x00F0, "d"), Map.entry(0x00DE, "Th"), Map.entry(0x00FE, "th"), Map.entry(0x0131, "i"));

    /** True when the printer prints the code point as it is: in code page 866, or as Chinese (GB18030 or glyphs). */
    public static boolean printable(int cp) {
        return inCodePage(cp) || Receipt.isWide(cp);
    }

    /** True when code page 866 has the code point as a printable character. */
    public static boolean inCodePage(int cp) {
        if (cp < 0x20 || cp == 0x7F) {
            return false;
        }
        return CP866.newEncoder().canEncode(new String(Character.toChars(cp)));
    }

    /** The text with every character the printer cannot print replaced or dropped. */
    public static String of(String text) {
        return of(text, text);
    }

    /** The same, deciding "руб." or "RUB" by whether {@code context} (the whole line, say) has Cyrillic. */
    public static String of(String text, String context) {
        boolean cyrillic = context.codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC);
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.append(replace(cp, cyrillic)));
        return sb.toString();
    }

    /**
     * Full-width ASCII ("，" "：") and the ideographic comma, full stop and space as code page text of the same two
     * columns (", " ": " ". "), for a printer that would otherwise get each of them as a drawn glyph.
     */
    public static String narrowPunctuation(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                sb.append((char) (cp - 0xFEE0)).append(' ');
            } else if (cp == 0x3001 || cp == 0x3002 || cp == 0x3000) {
                sb.append(cp == 0x3001 ? ", " : cp == 0x3002 ? ". " : "  ");
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String replace(int cp, boolean cyrillic) {
        if (cp != ' ' && Character.isSpaceChar(cp) && !Receipt.isWide(cp)) {
            return " ";                                   // no-break, thin, narrow, figure spaces: a plain space
        }
        if (printable(cp)) {
            return new String(Character.toChars(cp));
        }
        if (cp == 0x20BD) {
            return cyrillic ? "руб." : "RUB";
        }
        if (Character.isSpaceChar(cp) || cp == '\t') {
            return " ";                                   // no-break, thin, narrow, figure spaces
        }
        String mapped = TABLE.get(cp);
        if (mapped != null) {
            return mapped;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder();
        decomposed.codePoints().forEach(d -> {
            if (printable(d)) {
                sb.appendCodePoint(d);
            } else if (TABLE.containsKey(d)) {
                sb.append(TABLE.get(d));
            }
            // combining accents, format characters, emoji, scripts no printer here has: dropped
        });
        return sb.toString();
    }
}
