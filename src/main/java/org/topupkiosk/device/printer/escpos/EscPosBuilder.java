package org.topupkiosk.device.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ESC/POS command bytes, appended in order: pure, no I/O. Numbers follow the Epson ESC/POS command reference (TM-T88
 * and compatibles; the Chinese kiosk printers we meet accept the same set). Every method returns {@code this} so a
 * receipt reads as a sequence of commands.
 */
public final class EscPosBuilder {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte FS = 0x1C;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    /** ESC t 17: code page PC866 (Cyrillic #2) in Epson's table. */
    public static final int CODE_PAGE_CP866 = 17;

    public enum Align { LEFT, CENTER, RIGHT }

    /** QR error correction levels as GS ( k fn 169 takes them: 48 + L/M/Q/H. */
    public enum QrLevel { L, M, Q, H }

    /** Cuts at the end of a receipt; GS V 65/66 feed n dots first so the last line clears the cutter. */
    public enum Cut { FULL, PARTIAL }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    /** ESC @: clears the buffer's modes (bold, size, alignment, code page) back to power-on defaults. */
    public EscPosBuilder initialize() {
        return bytes(ESC, '@');
    }

    /** ESC a n. */
    public EscPosBuilder align(Align align) {
        return bytes(ESC, 'a', align.ordinal());
    }

    /** ESC E n: emphasised (bold) on or off. */
    public EscPosBuilder bold(boolean on) {
        return bytes(ESC, 'E', on ? 1 : 0);
    }

    /** GS ! n: width multiplier in the high nibble, height in the low one, each 1..8. */
    public EscPosBuilder size(int widthTimes, int heightTimes) {
        if (widthTimes < 1 || widthTimes > 8 || heightTimes < 1 || heightTimes > 8) {
            throw new IllegalArgumentException("character size " + widthTimes + "x" + heightTimes
                    + " is out of range (expected 1..8 each)");
        }
        return bytes(GS, '!', ((widthTimes - 1) << 4) | (heightTimes - 1));
    }

    /** ESC t n. */
    public EscPosBuilder codePage(int table) {
        return bytes(ESC, 't', table);
    }

    /** FS &amp;: Chinese (Kanji) mode, two-byte GB18030/GBK characters on Chinese-firmware printers. */
    public EscPosBuilder chineseOn() {
        return bytes(FS, '&');
    }

    /** FS .: back to single-byte code page mode. */
    public EscPosBuilder chineseOff() {
        return bytes(FS, '.');
    }

    /**
     * ESC &amp; y c1 c2 [x d1 ... d(y*x)] ...: defines user characters c1..c2 (codes 32..126), each {@code y} bytes
     * (8 dots a byte) tall and {@code x} columns wide, column by column, top byte first. Font A cells are 12 x 24
     * dots, so y = 3 and x = 12.
     */
    public EscPosBuilder defineChars(int y, int firstCode, List<byte[]> cells) {
        int last = firstCode + cells.size() - 1;
        if (y < 1 || y > 3 || firstCode < 32 || last > 126 || cells.isEmpty()) {
            throw new IllegalArgumentException("user characters " + firstCode + ".." + last + " of " + y
                    + " bytes (expected codes 32..126, 1..3 bytes tall)");
        }
        bytes(ESC, '&', y, firstCode, last);
        for (byte[] cell : cells) {
            if (cell.length % y != 0 || cell.length / y > 12) {
                throw new IllegalArgumentException("user character of " + cell.length + " bytes is not " + y
                        + " bytes by at most 12 columns");
            }
            out.write(cell.length / y);
            out.writeBytes(cell);
        }
        return this;
    }

    /** ESC % n: user-defined characters on (codes defined with ESC &amp; print as defined) or off. */
    public EscPosBuilder userChars(boolean on) {
        return bytes(ESC, '%', on ? 1 : 0);
    }

    /** Text already encoded for the current mode; control bytes are the caller's concern. */
    public EscPosBuilder raw(byte[] encoded) {
        out.writeBytes(encoded);
        return this;
    }

    public EscPosBuilder ascii(String text) {
        return raw(text.getBytes(StandardCharsets.US_ASCII));
    }

    public EscPosBuilder newline() {
        out.write(LF);
        return this;
    }

    /** ESC d n: print and feed n lines. */
    public EscPosBuilder feedLines(int n) {
        return bytes(ESC, 'd', checkByte(n, "lines"));
    }

    /**
     * Native QR (GS ( k, cn 49): fn 165 model 2, fn 167 module size in dots, fn 169 error level, fn 180 store the data,
     * fn 181 print it. The printer draws the symbol, so only the payload crosses the wire.
     */
    public EscPosBuilder qr(String payload, int moduleDots, QrLevel level) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        if (data.length == 0 || data.length > 7089) {
            throw new IllegalArgumentException("QR payload of " + data.length + " bytes (expected 1..7089)");
        }
        if (moduleDots < 1 || moduleDots > 16) {
            throw new IllegalArgumentException("QR module size " + moduleDots + " dots (expected 1..16)");
        }
        qrFunction(0x41, 50, 0);                       // fn 165: model 2
        qrFunction(0x43, moduleDots);                  // fn 167: module size
        qrFunction(0x45, 48 + level.ordinal());        // fn 169: error correction
        int len = data.length + 3;
        bytes(GS, '(', 'k', len & 0xFF, len >> 8, 49, 0x50, 48);   // fn 180: store
        out.writeBytes(data);
        return qrFunction(0x51, 48);                   // fn 181: print
    }

    private EscPosBuilder qrFunction(int fn, int... params) {
        int len = 2 + params.length;
        bytes(GS, '(', 'k', len, 0, 49, fn);
        for (int p : params) {
            out.write(p);
        }
        return this;
    }

    /**
     * GS v 0 m xL xH yL yH d1..dk: a raster bit image, 8 dots per byte, most significant bit leftmost, 1 = black.
     * Sent in bands of at most 256 rows, since some firmware limits one block's height.
     */
    public EscPosBuilder raster(Bitmap image) {
        int rowBytes = image.rowBytes();
        for (int y0 = 0; y0 < image.height(); y0 += 256) {
            int rows = Math.min(256, image.height() - y0);
            bytes(GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, rows & 0xFF, rows >> 8);
            out.write(image.bits(), y0 * rowBytes, rows * rowBytes);
        }
        return this;
    }

    /**
     * GS k m=73 n data: CODE128 barcode, subset B ("{B" prefix) so any printable ASCII code goes through. GS h sets the
     * height in dots, GS w the module width, GS H 2 the human-readable text below.
     */
    public EscPosBuilder code128(String text, int heightDots, int moduleDots) {
        byte[] data = ("{B" + text).getBytes(StandardCharsets.US_ASCII);
        bytes(GS, 'h', checkByte(heightDots, "barcode height"));
        bytes(GS, 'w', moduleDots);
        bytes(GS, 'H', 2);
        bytes(GS, 'k', 73, checkByte(data.length, "barcode length"));
        out.writeBytes(data);
        return this;
    }

    /** GS V 65/66 n: feed n dots, then cut. */
    public EscPosBuilder cut(Cut cut, int feedDots) {
        return bytes(GS, 'V', cut == Cut.FULL ? 65 : 66, checkByte(feedDots, "feed"));
    }

    /**
     * ESC p m t1 t2: pulse the cash drawer on pin 2 (m=0) or 5 (m=1), on for t1 x 2 ms, off for t2 x 2 ms. 50 ms on and
     * 500 ms off is what drawer makers ask for.
     */
    public EscPosBuilder drawerKick(int pin, int onMs, int offMs) {
        if (pin != 2 && pin != 5) {
            throw new IllegalArgumentException("drawer pin " + pin + " (expected 2 or 5)");
        }
        return bytes(ESC, 'p', pin == 2 ? 0 : 1, checkByte(onMs / 2, "pulse on"), checkByte(offMs / 2, "pulse off"));
    }

    /** DLE EOT n: real-time status request, answered with one byte even while the printer is busy. */
    public EscPosBuilder statusRequest(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT " + n + " (expected 1..4)");
        }
        return bytes(DLE, EOT, n);
    }

    public int size() {
        return out.size();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private EscPosBuilder bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    private static int checkByte(int v, String what) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(what + " " + v + " does not fit one byte (expected 0..255)");
        }
        return v;
    }
}
