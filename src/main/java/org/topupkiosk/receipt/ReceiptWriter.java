package org.topupkiosk.receipt;

import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.PrintableText;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.domain.Receipt.Style;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;

/**
 * Lines of one receipt, kept within the paper's columns: CJK characters count two, large type counts double, words
 * wrap, and a word wider than the paper (a long link, Chinese text without spaces) breaks by columns. Labels come in
 * the customer's language followed by the Russian one, since the receipt is also a document for the Russian store
 * and tax inspector.
 */
final class ReceiptWriter {

    private final Messages messages;
    private final Lang lang;
    private final int columns;
    private final List<Line> lines = new ArrayList<>();

    ReceiptWriter(Messages messages, Lang lang, int columns) {
        this.messages = messages;
        this.lang = lang;
        this.columns = columns;
    }

    String msg(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    /** The label in the customer's language, then in Russian when that is another language. */
    String label(String key) {
        String own = messages.get(lang, key);
        return lang == Lang.RU ? own : own + " / " + messages.get(Lang.RU, key);
    }

    /** Money as printed: the locale's grouping, and the currency in letters the printer's code page has. */
    String money(Money m) {
        String s = m.format(lang.locale()).replace('\u00A0', ' ').replace('\u202F', ' ');
        return s.replace("₽", lang == Lang.RU ? "руб." : "RUB");
    }

    /** Title in the customer's language (bold, centred) and in Russian under it. */
    ReceiptWriter title(String key) {
        centred(messages.get(lang, key), Style.CENTER_BOLD);
        if (lang != Lang.RU) {
            centred(messages.get(Lang.RU, key), Style.CENTER);
        }
        return this;
    }

    ReceiptWriter centred(String text, Style style) {
        for (String part : wrap(text, columns)) {
            lines.add(new Line(part, style));
        }
        return this;
    }

    /** "Label:      value" on one line when it fits, else the label wrapped and the value right-aligned below. */
    ReceiptWriter pair(String labelKey, String value) {
        return pairText(label(labelKey), value, Style.NORMAL);
    }

    ReceiptWriter pairBold(String labelKey, String value) {
        return pairText(label(labelKey), value, Style.BOLD);
    }

    ReceiptWriter pairText(String label, String rawValue, Style style) {
        String l = PrintableText.of(label + ":");
        String value = PrintableText.of(rawValue, label + rawValue);
        int gap = columns - Receipt.displayWidth(l) - Receipt.displayWidth(value);
        if (gap >= 1) {
            lines.add(new Line(l + " ".repeat(gap) + value, style));
            return this;
        }
        for (String part : wrap(l, columns)) {
            lines.add(new Line(part, style));
        }
        for (String part : wrap(value, columns)) {
            lines.add(new Line(" ".repeat(columns - Receipt.displayWidth(part)) + part, style));
        }
        return this;
    }

    /** A label alone ("SM-DP+ address:"), its value following as text. */
    ReceiptWriter heading(String labelKey) {
        return text(label(labelKey) + ":");
    }

    ReceiptWriter text(String text) {
        for (String part : wrap(text, columns)) {
            lines.add(new Line(part, Style.NORMAL));
        }
        return this;
    }

    /** A value in double-size type (a PIN, a voucher code), centred, broken into pieces that fit at double width. */
    ReceiptWriter large(String text) {
        for (String part : wrap(text, columns / 2)) {
            lines.add(new Line(part, Style.CENTER_LARGE));
        }
        return this;
    }

    ReceiptWriter rule() {
        lines.add(new Line("-".repeat(columns), Style.NORMAL));
        return this;
    }

    Receipt build(String id, String qrPayload, String barcode) {
        return new Receipt(id, columns, lines, qrPayload, barcode);
    }

    /** Word wrap by display columns; words wider than the line break at a character boundary. */
    static List<String> wrap(String rawText, int width) {
        String text = PrintableText.of(rawText);   // replacements first ("₽" is "руб."), so the columns count true
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lineCols = 0;
        for (String word : text.strip().split(" +")) {
            int wordCols = Receipt.displayWidth(word);
            if (lineCols > 0 && lineCols + 1 + wordCols <= width) {
                line.append(' ').append(word);
                lineCols += 1 + wordCols;
                continue;
            }
            if (lineCols > 0) {
                out.add(line.toString());
                line.setLength(0);
                lineCols = 0;
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                int w = Receipt.isWide(cp) ? 2 : 1;
                if (lineCols + w > width) {
                    out.add(line.toString());
                    line.setLength(0);
                    lineCols = 0;
                }
                line.appendCodePoint(cp);
                lineCols += w;
                i += Character.charCount(cp);
            }
        }
        if (lineCols > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
