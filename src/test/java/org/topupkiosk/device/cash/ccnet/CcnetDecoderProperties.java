package org.topupkiosk.device.cash.ccnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.Crc16;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.testing.Property;

/**
 * Whatever bytes arrive, the decoder hands out only well-formed frames (right length, right CRC) or decode errors,
 * and never throws. Streams mix valid frames, damaged frames and random noise, cut into random reads.
 */
class CcnetDecoderProperties {

    @Test
    void anyByteStreamYieldsOnlyGoodFramesOrErrors() {
        Property.forAll(2000, r -> {
            byte[] stream = stream(r);
            FrameDecoder d = CcnetFrame.decoder();
            List<FrameDecoder.Decoded> out = new ArrayList<>();
            int i = 0;
            while (i < stream.length) {
                int n = Math.min(stream.length - i, 1 + r.nextInt(40));
                byte[] chunk = new byte[n];
                System.arraycopy(stream, i, chunk, 0, n);
                out.addAll(d.feed(chunk, n));
                i += n;
            }
            for (FrameDecoder.Decoded x : out) {
                if (x instanceof FrameDecoder.Decoded.Frame f) {
                    byte[] b = f.bytes();
                    assertThat(b[0]).isEqualTo((byte) CcnetFrame.SYNC);
                    assertThat(b.length).isEqualTo(b[2] & 0xFF).isGreaterThanOrEqualTo(6);
                    assertThat(Crc16.matches(b, b.length)).isTrue();
                    CcnetFrame.parse(b); // a good frame always parses
                } else {
                    assertThat(((FrameDecoder.Decoded.Error) x).bytesDropped()).isPositive();
                }
            }
        });
    }

    @Test
    void everyCleanFrameComesThroughWhateverTheCuts() {
        Property.forAll(500, r -> {
            List<CcnetFrame> sent = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int k = 0; k < 1 + r.nextInt(10); k++) {
                CcnetFrame f = new CcnetFrame(3, Property.randomBytes(r, 120).length == 0 ? new byte[] {0x14}
                        : nonEmpty(r));
                sent.add(f);
                bytes.writeBytes(f.encode());
            }
            byte[] stream = bytes.toByteArray();
            FrameDecoder d = CcnetFrame.decoder();
            List<CcnetFrame> got = new ArrayList<>();
            int i = 0;
            while (i < stream.length) {
                int n = Math.min(stream.length - i, 1 + r.nextInt(30));
                byte[] chunk = Arrays.copyOfRange(stream, i, i + n);
                for (FrameDecoder.Decoded x : d.feed(chunk, n)) {
                    assertThat(x).isInstanceOf(FrameDecoder.Decoded.Frame.class);
                    got.add(CcnetFrame.parse(((FrameDecoder.Decoded.Frame) x).bytes()));
                }
                i += n;
            }
            assertThat(got).isEqualTo(sent);
        });
    }

    private static byte[] nonEmpty(Random r) {
        byte[] b = new byte[1 + r.nextInt(120)];
        r.nextBytes(b);
        return b;
    }

    private static byte[] stream(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = r.nextInt(12);
        for (int p = 0; p < parts; p++) {
            switch (r.nextInt(4)) {
                case 0 -> out.writeBytes(new CcnetFrame(3, nonEmpty(r)).encode());
                case 1 -> {
                    byte[] f = new CcnetFrame(3, nonEmpty(r)).encode();
                    f[r.nextInt(f.length)] ^= (byte) (1 << r.nextInt(8));
                    out.writeBytes(f);
                }
                case 2 -> {
                    byte[] f = new CcnetFrame(3, nonEmpty(r)).encode();
                    out.write(f, 0, r.nextInt(f.length));
                }
                default -> {
                    byte[] noise = Property.randomBytes(r, 64);
                    if (noise.length > 0 && r.nextBoolean()) {
                        noise[0] = CcnetFrame.SYNC;
                    }
                    out.writeBytes(noise);
                }
            }
        }
        return out.toByteArray();
    }
}
