package org.topupkiosk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A receipt as printable lines, already laid out for a width in columns. Pure data: layouts build it, printers and
 * emulators render it. {@code qrPayload} is printed as a QR code at the end when not null; {@code barcode} (a CODE128
 * text the kiosk's scanner reads back, e.g. a credit voucher code) is printed after it when not null. Every receipt ends
 * with a cut.
 *
 * <p>Widths are in printer columns: a CJK character takes two, and a {@link Style#LARGE} line is printed at double
 * width, so it takes twice its characters' columns.
 */
public record Receipt(String id, int columns, List<Line> lines, String qrPayload, String barcode) {

    /** CENTER_LARGE is the e-PIN and voucher-code style: double width and height, centred. */
    public enum Style {
        NORMAL, BOLD, LARGE, CENTER, CENTER_BOLD, CENTER_LARGE;

        public boolean centered() {
            return this == CENTER || this == CENTER_BOLD || this == CENTER_LARGE;
        }

        public boolean bold() {
            return this == BOLD || this == CENTER_BOLD || this == LARGE || this == CENTER_LARGE;
        }

        public boolean large() {
            return this == LARGE || this == CENTER_LARGE;
        }
    }

    public record Line(String text, Style style) {
        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
        }

        /** Columns this line takes on paper: display width, doubled for large type. */
        public int columns() {
            return displayWidth(text) * (style.large() ? 2 : 1);
        }
    }

    private static final String STORED_HEADER = "#receipt v1";
    private static final String QR_MARK = "[QR] ";
    private static final String BARCODE_MARK = "[BARCODE] ";

    public Receipt {
        Objects.requireNonNull(id, "id");
        lines = List.copyOf(lines);
    }

    public Receipt(String id, int columns, List<Line> lines, String qrPayload) {
        this(id, columns, lines, qrPayload, null);
    }

    public String asText() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text()).append('\n');
        }
        if (qrPayload != null) {
            sb.append(QR_MARK).append(qrPayload).append('\n');
        }
        if (barcode != null) {
            sb.append(BARCODE_MARK).append(barcode).append('\n');
        }
        return sb.toString();
    }

    /**
     * The journal form: one line per receipt line, prefixed with its style's ordinal letter, so a reprint after a
     * restart looks like the original (large PIN, bold totals). Still readable in a database browser.
     */
    public String toStored() {
        StringBuilder sb = new StringBuilder(STORED_HEADER).append(" columns=").append(columns).append('\n');
        for (Line l : lines) {
            sb.append((char) ('A' + l.style().ordinal())).append(' ').append(l.text()).append('\n');
        }
        if (qrPayload != null) {
            sb.append(QR_MARK).append(qrPayload).append('\n');
        }
        if (barcode != null) {
            sb.append(BARCODE_MARK).append(barcode).append('\n');
        }
        return sb.toString();
    }

    /** Reads {@link #toStored()}, or the plain {@link #asText()} form older journals hold (all lines normal). */
    public static Receipt fromStored(String id, String body, int defaultColumns) {
        String[] rows = body.split("\n", -1);
        boolean styled = rows.length > 0 && rows[0].startsWith(STORED_HEADER);
        int columns = defaultColumns;
        int start = 0;
        if (styled) {
            int at = rows[0].indexOf("columns=");
            if (at >= 0) {
                columns = Integer.parseInt(rows[0].substring(at + "columns=".length()).strip());
            }
            start = 1;
        }
        List<Line> lines = new ArrayList<>();
        String qr = null;
        String barcode = null;
        Style[] styles = Style.values();
        for (int i = start; i < rows.length; i++) {
            String text = rows[i];
            if (text.startsWith(QR_MARK)) {
                qr = text.substring(QR_MARK.length());
            } else if (text.startsWith(BARCODE_MARK)) {
                barcode = text.substring(BARCODE_MARK.length());
            } else if (styled && text.length() >= 2 && text.charAt(1) == ' '
                    && text.charAt(0) >= 'A' && text.charAt(0) < 'A' + styles.length) {
                lines.add(new Line(text.substring(2), styles[text.charAt(0) - 'A']));
            } else if (!text.isEmpty()) {
                lines.add(new Line(text, Style.NORMAL));
            }
        }
        return new Receipt(id, columns, lines, qr, barcode);
    }

    /** Printer columns of a text: CJK ideographs, kana, hangul and full-width forms take two, the rest one. */
    public static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    /** East Asian wide and full-width ranges (Unicode TR 11), the ones receipts can meet. */
    public static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
