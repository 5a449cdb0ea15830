package org.topupkiosk.device.fiscal.shtrih;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One Shtrih-M frame: {@code STX(02) LEN body LRC}. The body is the command code (one byte, or two for the FF xx
 * family) followed by its data; from the register, the command code, the error code and the answer's data. LEN counts
 * the body (1 to 255 bytes) and LRC is the XOR of LEN and every body byte ("Протокол работы ККТ", frame format).
 * Around the frames the line carries single control bytes: ENQ 05 (are you there / what is pending), ACK 06, NAK 15.
 */
public record ShtrihFrame(byte[] body) {

    public static final int STX = 0x02;
    public static final int ENQ = 0x05;
    public static final int ACK = 0x06;
    public static final int NAK = 0x15;
    public static final int MAX_BODY = 255;

    public ShtrihFrame {
        body = body.clone();
        if (body.length == 0 || body.length > MAX_BODY) {
            throw new ShtrihFormatException("frame.body", body.length + " bytes (expected 1 to " + MAX_BODY + ")");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The XOR of the length byte and the body, as both ends compute it. */
    public static int lrc(byte[] body) {
        int x = body.length & 0xFF;
        for (byte b : body) {
            x ^= b & 0xFF;
        }
        return x;
    }

    public byte[] encode() {
        byte[] out = new byte[body.length + 3];
        out[0] = STX;
        out[1] = (byte) body.length;
        System.arraycopy(body, 0, out, 2, body.length);
        out[out.length - 1] = (byte) lrc(body);
        return out;
    }

    /** A whole frame, STX to LRC, checked; anything else is a {@link ShtrihFormatException} naming what is wrong. */
    public static ShtrihFrame decode(byte[] bytes) {
        if (bytes.length < 4) {
            throw new ShtrihFormatException("frame", bytes.length + " bytes is shorter than STX LEN CMD LRC");
        }
        if ((bytes[0] & 0xFF) != STX) {
            throw new ShtrihFormatException("frame.stx", String.format("%02X (expected 02)", bytes[0] & 0xFF));
        }
        int len = bytes[1] & 0xFF;
        if (len == 0 || len + 3 != bytes.length) {
            throw new ShtrihFormatException("frame.len", len + " does not match " + bytes.length + " bytes");
        }
        byte[] body = Arrays.copyOfRange(bytes, 2, 2 + len);
        int lrc = bytes[bytes.length - 1] & 0xFF;
        if (lrc != lrc(body)) {
            throw new ShtrihFormatException("frame.lrc", String.format("%02X (computed %02X)", lrc, lrc(body)));
        }
        return new ShtrihFrame(body);
    }

    /** The command code at the start of the body: one byte, or {@code FFxx} for the extended family. */
    public int command() {
        return ShtrihCommand.codeAt(body, "frame.command");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShtrihFrame f && Arrays.equals(body, f.body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "ShtrihFrame[" + HexFormat.ofDelimiter(" ").formatHex(body) + "]";
    }
}
