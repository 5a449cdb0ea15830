package org.topupkiosk.device.cash.id003;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.Crc16;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.testing.Property;

/** ID003 frames: the status request and ACK every open implementation sends, and the shared decoder's guarantees. */
class Id003CodecTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void encodesStatusRequestAndAck() {
        assertThat(HEX.formatHex(Id003Frame.of(Id003Frame.STATUS_REQUEST).encode())).isEqualTo("FC 05 11 27 56");
        assertThat(HEX.formatHex(Id003Frame.of(Id003Frame.ACK).encode())).isEqualTo("FC 05 50 AA 05");
    }

    @Test
    void decodesAnEscrowReplyAfterNoise() {
        byte[] escrow = Id003Frame.of(Id003State.ESCROW.code, (byte) 0x63).encode();
        byte[] stream = new byte[escrow.length + 2];
        stream[0] = 0x00;
        stream[1] = 0x13;
        System.arraycopy(escrow, 0, stream, 2, escrow.length);
        List<FrameDecoder.Decoded> out = Id003Frame.decoder().feed(stream, stream.length);
        assertThat(out).hasSize(2);
        Id003Frame f = Id003Frame.parse(((FrameDecoder.Decoded.Frame) out.get(1)).bytes());
        assertThat(Id003State.of(f.command())).isEqualTo(Id003State.ESCROW);
        assertThat(f.data()).containsExactly(0x63);
        assertThat(Id003State.of(0x15)).isEqualTo(Id003State.VEND_VALID);
        assertThat(Id003State.rejectReason(0x79)).isEqualTo("inhibit");
    }

    @Test
    void anyByteStreamYieldsOnlyGoodFramesOrErrors() {
        Property.forAll(1000, r -> {
            byte[] stream = Property.randomBytes(r, 300);
            for (int i = 0; i < stream.length; i += 1 + r.nextInt(20)) {
                if (r.nextInt(4) == 0) {
                    stream[i] = (byte) Id003Frame.SYNC;
                }
            }
            for (FrameDecoder.Decoded d : Id003Frame.decoder().feed(stream, stream.length)) {
                if (d instanceof FrameDecoder.Decoded.Frame f) {
                    assertThat(f.bytes().length).isEqualTo(f.bytes()[1] & 0xFF);
                    assertThat(Crc16.matches(f.bytes(), f.bytes().length)).isTrue();
                }
            }
        });
    }
}
