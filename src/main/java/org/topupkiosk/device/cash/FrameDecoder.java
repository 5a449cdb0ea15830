package org.topupkiosk.device.cash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into CRC-checked frames of the shape both acceptor protocols share: a sync byte, a length byte
 * at a fixed offset that counts the whole frame (sync to CRC), and a CRC-16 at the end. Pure and incremental: feed it
 * whatever the port returned and take the frames and errors out. It never hands out a frame whose CRC is wrong, and
 * malformed input only ever becomes a {@link Decoded.Error}.
 */
public final class FrameDecoder {

    /** What {@link #feed} yields, in stream order. */
    public sealed interface Decoded {
        /** A whole frame, sync to CRC, with a correct CRC. */
        record Frame(byte[] bytes) implements Decoded {}

        record Error(Kind kind, int bytesDropped) implements Decoded {}
    }

    public enum Kind { NOISE, BAD_LENGTH, BAD_CRC }

    private final int sync;
    private final int lengthIndex;
    private final int minLength;
    private final int maxLength;
    private byte[] buf = new byte[512];
    private int size;

    /**
     * @param lengthIndex where the length byte sits (CCNET 2, after SYNC and ADR; ID003 1)
     * @param minLength   the shortest frame the protocol allows (header, at least one byte, CRC)
     */
    public FrameDecoder(int sync, int lengthIndex, int minLength, int maxLength) {
        this.sync = sync;
        this.lengthIndex = lengthIndex;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /**
     * The other direction: a frame of this shape, {@code SYNC}, two header bytes (the length at {@code lengthIndex},
     * 1 or 2, and {@code other} in the remaining place), the body, and the CRC-16 of all that, low byte first.
     */
    public static byte[] encode(int sync, int lengthIndex, int other, byte[] body) {
        int length = body.length + 5;
        byte[] out = new byte[length];
        out[0] = (byte) sync;
        out[lengthIndex] = (byte) length;
        out[3 - lengthIndex] = (byte) other;
        System.arraycopy(body, 0, out, 3, body.length);
        int crc = Crc16.of(out, 0, length - 2);
        out[length - 2] = (byte) crc;
        out[length - 1] = (byte) (crc >>> 8);
        return out;
    }

    public List<Decoded> feed(byte[] bytes, int count) {
        if (size + count > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + count));
        }
        System.arraycopy(bytes, 0, buf, size, count);
        size += count;
        List<Decoded> out = new ArrayList<>();
        while (size > 0) {
            int start = indexOfSync();
            if (start != 0) {
                int dropped = start < 0 ? size : start;
                out.add(new Decoded.Error(Kind.NOISE, dropped));
                consume(dropped);
                continue;
            }
            if (size <= lengthIndex) {
                break;
            }
            int length = buf[lengthIndex] & 0xFF;
            if (length < minLength || length > maxLength) {
                // A length the protocol cannot send (CCNET's extended form, LNG 0, is not used by bill validators):
                // drop the sync byte and look for the next one.
                out.add(new Decoded.Error(Kind.BAD_LENGTH, 1));
                consume(1);
                continue;
            }
            if (size < length) {
                break;
            }
            if (Crc16.matches(buf, length)) {
                out.add(new Decoded.Frame(Arrays.copyOf(buf, length)));
            } else {
                out.add(new Decoded.Error(Kind.BAD_CRC, length));
            }
            consume(length);
        }
        return out;
    }

    /** Forgets a partial frame: the link is about to send a new request. */
    public void reset() {
        size = 0;
    }

    public boolean hasPartial() {
        return size > 0;
    }

    private int indexOfSync() {
        for (int i = 0; i < size; i++) {
            if ((buf[i] & 0xFF) == sync) {
                return i;
            }
        }
        return -1;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, size - n);
        size -= n;
    }
}
