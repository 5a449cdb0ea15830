package org.topupkiosk.device.emulator.printer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.printer.escpos.Bitmap;
import org.topupkiosk.domain.Receipt;

/**
 * Reads an ESC/POS byte stream the way a printer does: incrementally (a command may be split across chunks), keeping
 * the modes (alignment, bold, size, code page, Chinese mode) and building the blocks of the receipt on paper until a
 * cut. Pure: status requests and cuts are handed to the {@link Sink}. Unknown commands are skipped by their usual
 * length and logged, as a printer would ignore them.
 */
final class EscPosInterpreter {

    private static final Logger log = LoggerFactory.getLogger(EscPosInterpreter.class);
    private static final Charset CP866 = Charset.forName("IBM866");
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset GB18030 = Charset.forName("GB18030");

    interface Sink {
        /** DLE EOT n arrived; answered in real time, even mid-receipt. */
        void statusRequested(int n);

        /** GS V: the receipt so far is cut off. */
        void cut(List<PaperBlock> blocks, boolean partial);

        /** ESC p. */
        default void drawerKicked(int pin) { }

        /** Bytes that put something on paper (text, images, codes); the emulator counts them to run out of paper. */
        default void printed(int bytes) { }
    }

    private final Sink sink;
    private byte[] buf = new byte[0];
    private final List<PaperBlock> blocks = new ArrayList<>();
    private final List<PaperBlock.Run> line = new ArrayList<>();
    private int lineAlign;
    private int align;
    private boolean bold;
    private int widthTimes = 1;
    private int heightTimes = 1;
    private Charset codePage = CP437;
    private boolean chinese;
    private String storedQr;
    private int qrModule = 3;
    private char qrLevel = 'L';
    private int barcodeHeight = 162;
    private int barcodeModule = 3;
    private boolean userMode;
    private final Map<Integer, Bitmap> userChars = new HashMap<>();

    EscPosInterpreter(Sink sink) {
        this.sink = sink;
    }

    void accept(byte[] chunk) {
        byte[] joined = Arrays.copyOf(buf, buf.length + chunk.length);
        System.arraycopy(chunk, 0, joined, buf.length, chunk.length);
        int p = 0;
        while (p < joined.length) {
            int used = step(joined, p);
            if (used == 0) {
                break;
            }
            p += used;
        }
        buf = Arrays.copyOfRange(joined, p, joined.length);
    }

    /** Interprets one command or text run at p; returns the bytes used, or 0 when it needs more bytes. */
    private int step(byte[] b, int p) {
        int left = b.length - p;
        int c = b[p] & 0xFF;
        if (c == 0x10) {
            if (left < 3) {
                return 0;
            }
            if (b[p + 1] == 0x04) {
                sink.statusRequested(b[p + 2] & 0xFF);
                return 3;
            }
            return 3; // DLE ENQ / DLE DC4: real-time commands we do not model
        }
        if (c == 0x1B) {
            return left < 2 ? 0 : esc(b, p, left);
        }
        if (c == 0x1D) {
            return left < 2 ? 0 : gs(b, p, left);
        }
        if (c == 0x1C) {
            if (left < 2) {
                return 0;
            }
            chinese = b[p + 1] == '&' || (chinese && b[p + 1] != '.');
            return 2;
        }
        if (c == 0x0A) {
            blocks.add(new PaperBlock.TextLine(line.isEmpty() ? align : lineAlign, line));
            line.clear();
            return 1;
        }
        if (c == 0x09) {
            tab();
            return 1;
        }
        if (c < 0x20) {
            return 1; // CR and friends: nothing to draw
        }
        return text(b, p);
    }

    private int text(byte[] b, int p) {
        int end = p;
        while (end < b.length && (b[end] & 0xFF) >= 0x20) {
            end++;
        }
        if (end == b.length && chinese) {
            return 0; // a GB18030 character may be split across chunks: wait for the control byte after the run
        }
        if (line.isEmpty()) {
            lineAlign = align;
        }
        for (int i = p; i < end; ) {
            boolean user = !chinese && userMode && userChars.containsKey(b[i] & 0xFF);
            int j = i;
            while (j < end && user == (!chinese && userMode && userChars.containsKey(b[j] & 0xFF))) {
                j++;
            }
            if (user) {
                List<Bitmap> cells = new ArrayList<>();
                for (int k = i; k < j; k++) {
                    cells.add(userChars.get(b[k] & 0xFF));
                }
                String marks = String.valueOf(PaperBlock.Run.USER_CELL).repeat(j - i);
                line.add(new PaperBlock.Run(marks, bold, widthTimes, heightTimes, cells));
            } else {
                line.add(new PaperBlock.Run(new String(b, i, j - i, chinese ? GB18030 : codePage), bold, widthTimes,
                        heightTimes));
            }
            i = j;
        }
        sink.printed(end - p);
        return end - p;
    }

    /** ESC &amp; y c1 c2 [x d1 ... d(y*x)] for each code: user-defined characters, column by column, top byte first. */
    private int defineChars(byte[] b, int p, int left) {
        if (left < 5) {
            return 0;
        }
        int y = b[p + 2] & 0xFF;
        int c1 = b[p + 3] & 0xFF;
        int c2 = b[p + 4] & 0xFF;
        if (y < 1 || y > 3 || c1 < 32 || c2 > 126 || c1 > c2) {
            log.debug("skipping ESC & y={} c1={} c2={}", y, c1, c2);
            return 5;
        }
        Map<Integer, Bitmap> defined = new HashMap<>();
        int q = p + 5;
        for (int c = c1; c <= c2; c++) {
            if (q >= b.length) {
                return 0;
            }
            int x = Math.min(b[q] & 0xFF, 12);
            if (q + 1 + x * y > b.length) {
                return 0;
            }
            int from = q + 1;
            defined.put(c, Bitmap.of(12, y * 8, (xx, yy) -> xx < x
                    && (b[from + xx * y + yy / 8] & (0x80 >> (yy % 8))) != 0));
            q += 1 + x * y;
        }
        userChars.putAll(defined);
        return q - p;
    }

    private int esc(byte[] b, int p, int left) {
        int cmd = b[p + 1];
        if (cmd == '@') {
            resetModes();
            return 2;
        }
        if (cmd == '&') {
            return defineChars(b, p, left);
        }
        if (cmd == 'p') {
            if (left < 5) {
                return 0;
            }
            sink.drawerKicked(b[p + 2] == 0 || b[p + 2] == '0' ? 2 : 5);
            return 5;
        }
        if (left < 3) {
            return 0;
        }
        int n = b[p + 2] & 0xFF;
        switch (cmd) {
            case 'a' -> align = n % 48 % 3;
            case 'E' -> bold = (n & 1) != 0;
            case 't' -> codePage = n == 17 ? CP866 : CP437;
            case '%' -> userMode = (n & 1) != 0;
            case '?' -> userChars.remove(n);
            case 'd' -> {
                endLine();
                blocks.add(new PaperBlock.Feed(n * 30));
            }
            default -> log.debug("skipping ESC 0x{}", Integer.toHexString(cmd));
        }
        return 3;
    }

    private int gs(byte[] b, int p, int left) {
        int cmd = b[p + 1];
        if (cmd == '(' ) {
            if (left < 5) {
                return 0;
            }
            int len = (b[p + 3] & 0xFF) | (b[p + 4] & 0xFF) << 8;
            if (left < 5 + len) {
                return 0;
            }
            if (b[p + 2] == 'k') {
                qr(Arrays.copyOfRange(b, p + 5, p + 5 + len));
            }
            return 5 + len;
        }
        if (cmd == 'v') {
            if (left < 8) {
                return 0;
            }
            int x = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8;
            int y = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
            if (left < 8 + x * y) {
                return 0;
            }
            if (x > 0 && y > 0) {
                endLine();
                blocks.add(new PaperBlock.Image(align, new Bitmap(x * 8, y, Arrays.copyOfRange(b, p + 8, p + 8 + x * y))));
                sink.printed(x * y);
            }
            return 8 + x * y;
        }
        if (cmd == 'k') {
            return barcode(b, p, left);
        }
        if (left < 3) {
            return 0;
        }
        int n = b[p + 2] & 0xFF;
        switch (cmd) {
            case '!' -> {
                widthTimes = (n >> 4) + 1;
                heightTimes = (n & 0x0F) + 1;
            }
            case 'h' -> barcodeHeight = n;
            case 'w' -> barcodeModule = n;
            case 'V' -> {
                if (n >= 65 && left < 4) {
                    return 0;
                }
                endLine();
                if (n >= 65) {
                    blocks.add(new PaperBlock.Feed(b[p + 3] & 0xFF));
                }
                sink.cut(List.copyOf(blocks), n == 1 || n == 49 || n == 66);
                blocks.clear();
                return n >= 65 ? 4 : 3;
            }
            default -> log.debug("skipping GS 0x{}", Integer.toHexString(cmd));
        }
        return 3;
    }

    /** GS ( k with cn 49 (QR): fn 67 module size, 69 error level, 80 store, 81 print; model (65) is always 2 here. */
    private void qr(byte[] body) {
        if (body.length < 2 || body[0] != 49) {
            return;
        }
        int fn = body[1];
        if (fn == 0x43 && body.length >= 3) {
            qrModule = body[2];
        } else if (fn == 0x45 && body.length >= 3) {
            qrLevel = "LMQH".charAt(Math.max(0, Math.min(3, body[2] - 48)));
        } else if (fn == 0x50 && body.length >= 3) {
            storedQr = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        } else if (fn == 0x51 && storedQr != null) {
            endLine();
            blocks.add(new PaperBlock.Qr(align, storedQr, qrModule, qrLevel));
            sink.printed(storedQr.length());
        }
    }

    /** GS k m: m 0..6 is NUL-terminated data, m 65..73 has a length byte. Only CODE128 (73) is drawn. */
    private int barcode(byte[] b, int p, int left) {
        if (left < 3) {
            return 0;
        }
        int m = b[p + 2] & 0xFF;
        if (m < 65) {
            for (int i = p + 3; i < b.length; i++) {
                if (b[i] == 0) {
                    return i + 1 - p;
                }
            }
            return 0;
        }
        if (left < 4) {
            return 0;
        }
        int n = b[p + 3] & 0xFF;
        if (left < 4 + n) {
            return 0;
        }
        String data = new String(b, p + 4, n, StandardCharsets.US_ASCII);
        if (m == 73) {
            endLine();
            String text = data.startsWith("{") && data.length() >= 2 ? data.substring(2) : data;
            blocks.add(new PaperBlock.Barcode(align, text, barcodeHeight, barcodeModule));
            sink.printed(n);
        }
        return 4 + n;
    }

    /** HT: on to the next tab stop, every 8 characters after ESC @ (spaces on paper). */
    private void tab() {
        int cols = 0;
        for (PaperBlock.Run r : line) {
            cols += Receipt.displayWidth(r.text()) * r.widthTimes();
        }
        if (line.isEmpty()) {
            lineAlign = align;
        }
        line.add(new PaperBlock.Run(" ".repeat(8 - cols % 8), bold, widthTimes, heightTimes));
    }

    /** Text not yet ended by LF is printed before an image, a code or a cut, as a printer does. */
    private void endLine() {
        if (!line.isEmpty()) {
            blocks.add(new PaperBlock.TextLine(lineAlign, line));
            line.clear();
        }
    }

    private void resetModes() {
        align = 0;
        bold = false;
        widthTimes = 1;
        heightTimes = 1;
        codePage = CP437;
        chinese = false;
        userMode = false;
        userChars.clear();
    }

    /** Bytes still waiting for the rest of a command. */
    int pending() {
        return buf.length;
    }
}
