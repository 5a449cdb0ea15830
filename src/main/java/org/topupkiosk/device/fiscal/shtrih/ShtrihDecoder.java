package org.topupkiosk.device.fiscal.shtrih;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the byte stream of a Shtrih-M line into what it carries: control bytes (ENQ, ACK, NAK) between frames, whole
 * frames with a correct LRC, and errors. Pure and incremental: feed it whatever the port returned. It never hands out
 * a frame whose LRC is wrong (that is a {@link Event.BadLrc}, which the receiver answers with NAK) and line noise only
 * ever becomes {@link Event.Noise}. Both ends use it: the driver reads ACK/NAK and answers, the emulator ENQ and
 * requests. Inside a frame every byte is data, so a 06 in an answer is never taken for an ACK.
 */
public final class ShtrihDecoder {

    /** What {@link #feed} yields, in stream order. */
    public sealed interface Event {
        /** A single ENQ, ACK or NAK outside a frame. */
        record Control(int value) implements Event {}

        record Frame(ShtrihFrame frame) implements Event {}

        /** A complete frame whose LRC did not match: the sender should be told NAK. */
        record BadLrc(int bytesDropped) implements Event {}

        /** Bytes that are neither a control byte nor the start of a frame, or an STX with a zero length. */
        record Noise(int bytesDropped) implements Event {}
    }

    private byte[] buf = new byte[300];
    private int size;

    public List<Event> feed(byte[] bytes, int count) {
        if (count < 0 || count > bytes.length) {
            throw new IllegalArgumentException("count " + count + " of " + bytes.length);
        }
        if (size + count > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + count));
        }
        System.arraycopy(bytes, 0, buf, size, count);
        size += count;
        List<Event> out = new ArrayList<>();
        int noise = 0;
        while (size > 0) {
            int first = buf[0] & 0xFF;
            if (first != ShtrihFrame.STX) {
                if (first == ShtrihFrame.ENQ || first == ShtrihFrame.ACK || first == ShtrihFrame.NAK) {
                    noise = flushNoise(out, noise);
                    out.add(new Event.Control(first));
                } else {
                    noise++;
                }
                consume(1);
                continue;
            }
            if (size < 2) {
                break;
            }
            int len = buf[1] & 0xFF;
            if (len == 0) {
                noise += 2;
                consume(2);
                continue;
            }
            if (size < len + 3) {
                break;
            }
            noise = flushNoise(out, noise);
            byte[] body = Arrays.copyOfRange(buf, 2, 2 + len);
            if ((buf[len + 2] & 0xFF) == ShtrihFrame.lrc(body)) {
                out.add(new Event.Frame(new ShtrihFrame(body)));
            } else {
                out.add(new Event.BadLrc(len + 3));
            }
            consume(len + 3);
        }
        flushNoise(out, noise);
        return out;
    }

    /** Forgets a partial frame: the inter-byte timeout ran out, or the link starts a new exchange. */
    public int reset() {
        int dropped = size;
        size = 0;
        return dropped;
    }

    public boolean hasPartial() {
        return size > 0;
    }

    private static int flushNoise(List<Event> out, int noise) {
        if (noise > 0) {
            out.add(new Event.Noise(noise));
        }
        return 0;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, size - n);
        size -= n;
    }
}
