package org.topupkiosk.domain;

import java.util.List;
import java.util.Objects;

/**
 * A receipt as printable lines, already laid out for a width in columns. Pure data: layouts build it, printers and
 * emulators render it. {@code qrPayload} is printed as a QR code at the end when not null.
 */
public record Receipt(String id, int columns, List<Line> lines, String qrPayload) {

    public enum Style { NORMAL, BOLD, LARGE, CENTER, CENTER_BOLD }

    public record Line(String text, Style style) {
        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
        }
    }

    public Receipt {
        Objects.requireNonNull(id, "id");
        lines = List.copyOf(lines);
    }

    public String asText() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text()).append('\n');
        }
        if (qrPayload != null) {
            sb.append("[QR] ").append(qrPayload).append('\n');
        }
        return sb.toString();
    }
}
