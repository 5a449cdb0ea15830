package org.topupkiosk.device.emulator.printer;

import java.util.List;
import org.topupkiosk.device.printer.escpos.Bitmap;

/** What the emulated printer put on paper, in order: the model its PNG renderer draws. */
public sealed interface PaperBlock {

    /**
     * A run of text in one style; widths and heights are the GS ! multipliers. {@code cells} are the dots of
     * user-defined characters (ESC &amp;) when the run is made of them; {@code text} then holds one
     * {@link #USER_CELL} per cell, since the printer cannot know what they depict.
     */
    record Run(String text, boolean bold, int widthTimes, int heightTimes, List<Bitmap> cells) {
        static final char USER_CELL = '\u25A1';

        public Run {
            cells = List.copyOf(cells);
        }

        public Run(String text, boolean bold, int widthTimes, int heightTimes) {
            this(text, bold, widthTimes, heightTimes, List.of());
        }
    }

    /** align: 0 left, 1 centre, 2 right (ESC a). */
    record TextLine(int align, List<Run> runs) implements PaperBlock {
        public TextLine {
            runs = List.copyOf(runs);
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Run r : runs) {
                sb.append(r.text());
            }
            return sb.toString();
        }
    }

    record Image(int align, Bitmap bitmap) implements PaperBlock {}

    /** A native QR code the printer draws from its stored payload (GS ( k fn 180, printed by fn 181). */
    record Qr(int align, String payload, int moduleDots, char level) implements PaperBlock {}

    record Barcode(int align, String text, int heightDots, int moduleDots) implements PaperBlock {}

    record Feed(int dots) implements PaperBlock {}
}
