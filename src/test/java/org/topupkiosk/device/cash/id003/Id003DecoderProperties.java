package org.topupkiosk.device.cash.id003;

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
 * Whatever bytes arrive on an ID003 line, the decoder hands out only well-formed frames (SYNC FC, right length, right
 * CRC) or decode errors, and never throws. Streams mix good frames, damaged and cut frames and noise, in random reads.
 */
class Id003DecoderProperties {

    @Test
    void anyByteStreamYieldsOnlyGoodFramesOrErrors() {
        Property.forAll(2000, r -> {
            byte[] stream = stream(r);
            FrameDecoder d = Id003Frame.decoder();
            List<FrameDecoder.Decoded> out = new ArrayList<>();
            for (int i = 0; i < stream.length; ) {
                int n = Math.min(stream.length - i, 1 + r.nextInt(40));
                out.addAll(d.feed(Arrays.copyOfRange(stream, i, i + n), n));
                i += n;
            }
            for (FrameDecoder.Decoded x : out) {
                if (x instanceof FrameDecoder.Decoded.Frame f) {
                    byte[] b = f.bytes();
                    assertThat(b[0]).isEqualTo((byte) Id003Frame.SYNC);
                    assertThat(b.length).isEqualTo(b[1] & 0xFF).isGreaterThanOrEqualTo(Id003Frame.OVERHEAD);
                    assertThat(Crc16.matches(b, b.length)).isTrue();
                    Id003Frame.parse(b);
                } else {
                    assertThat(((FrameDecoder.Decoded.Error) x).bytesDropped()).isPositive();
                }
            }
        });
    }

    @Test
    void everyCleanFrameComesThroughWhateverTheCuts() {
        Property.forAll(500, r -> {
            List<Id003Frame> sent = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int k = 0; k < 1 + r.nextInt(10); k++) {
                Id003Frame f = frame(r);
                sent.add(f);
                bytes.writeBytes(f.encode());
            }
            byte[] stream = bytes.toByteArray();
            FrameDecoder d = Id003Frame.decoder();
            List<Id003Frame> got = new ArrayList<>();
            for (int i = 0; i < stream.length; ) {
                int n = Math.min(stream.length - i, 1 + r.nextInt(30));
                for (FrameDecoder.Decoded x : d.feed(Arrays.copyOfRange(stream, i, i + n), n)) {
                    assertThat(x).isInstanceOf(FrameDecoder.Decoded.Frame.class);
                    got.add(Id003Frame.parse(((FrameDecoder.Decoded.Frame) x).bytes()));
                }
                i += n;
            }
            assertThat(got).isEqualTo(sent);
        });
    }

    private static Id003Frame frame(Random r) {
        byte[] data = new byte[r.nextInt(4) == 0 ? r.nextInt(120) : r.nextInt(3)];
        r.nextBytes(data);
        return new Id003Frame(r.nextInt(256), data);
    }

    private static byte[] stream(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = r.nextInt(12);
        for (int p = 0; p < parts; p++) {
            switch (r.nextInt(4)) {
                case 0 -> out.writeBytes(frame(r).encode());
                case 1 -> {
                    byte[] f = frame(r).encode();
                    f[r.nextInt(f.length)] ^= (byte) (1 << r.nextInt(8));
                    out.writeBytes(f);
                }
                case 2 -> {
                    byte[] f = frame(r).encode();
                    out.write(f, 0, r.nextInt(f.length));
                }
                default -> {
                    byte[] noise = Property.randomBytes(r, 64);
                    if (noise.length > 0 && r.nextBoolean()) {
                        noise[0] = (byte) Id003Frame.SYNC;
                    }
                    out.writeBytes(noise);
                }
            }
        }
        return out.toByteArray();
    }
}
