package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topupkiosk.testing.Property;

/**
 * Junk in, a value or a clear {@link SimException} out, never another exception: every decoder, and the whole card
 * session against a card that answers random bytes.
 */
class SimCodecProperties {

    private interface Decoder {
        Object decode(byte[] b) throws SimException;
    }

    private static final Decoder[] DECODERS = {
            SimFiles::iccid, SimFiles::imsi, SimFiles::msisdnRecord, FileInfo::fromGsm, FileInfo::fromFcp,
            b -> Tlv.parseAll(b, 0, b.length), ResponseApdu::parse, b -> Bcd.decodeSwapped(b, 0, b.length),
            b -> SimFiles.usimAids(List.of(b))};

    @Test
    void decodersReturnAValueOrASimException() {
        Property.forAll(20_000, r -> {
            byte[] b = junk(r);
            Decoder d = DECODERS[r.nextInt(DECODERS.length)];
            try {
                assertThat(d.decode(b)).isNotNull();
            } catch (SimException e) {
                assertThat(e.code()).isEqualTo(SimException.Code.BAD_DATA);
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void decodedIccidsAlwaysPassLuhnAndImsisAreDigits() {
        Property.forAll(5_000, r -> {
            byte[] b = new byte[10];
            for (int i = 0; i < 10; i++) {
                b[i] = (byte) (r.nextInt(10) | r.nextInt(10) << 4);
            }
            if (r.nextBoolean()) {
                b[9] = (byte) (b[9] | 0xF0);
            }
            try {
                String iccid = SimFiles.iccid(b);
                assertThat(Bcd.luhnValid(iccid)).isTrue();
                assertThat(Bcd.encodeSwapped(iccid, 10)).isEqualTo(b);
            } catch (SimException e) {
                assertThat(e.getMessage()).contains("Luhn");
            }
        });
    }

    @Test
    void sessionAgainstARandomCardFailsCleanly() {
        Property.forAll(3_000, r -> {
            Deque<byte[]> answers = new ArrayDeque<>();
            for (int i = 0; i < 40; i++) {
                answers.add(answer(r));
            }
            ApduChannel card = command -> {
                byte[] a = answers.poll();
                if (a == null) {
                    throw new SimException(SimException.Code.CARD_REMOVED, "script ended");
                }
                return a;
            };
            try {
                SimIdentity id = new SimCardSession(card).read();
                assertThat(Bcd.luhnValid(id.iccid())).isTrue();
            } catch (SimException e) {
                assertThat(e.code()).isNotNull();
            }
        });
    }

    /** Mostly plausible status words (so the session gets deep), with random data in front. */
    private static byte[] answer(Random r) {
        int[] sws = {0x9000, 0x6100 | r.nextInt(256), 0x9F00 | r.nextInt(256), 0x6C00 | r.nextInt(256), 0x6A82,
                0x9404, 0x6E00, 0x9100, r.nextInt(0x10000)};
        byte[] data = r.nextInt(3) == 0 ? new byte[0] : junk(r);
        byte[] out = Arrays.copyOf(data, data.length + 2);
        int sw = sws[r.nextInt(sws.length)];
        out[data.length] = (byte) (sw >>> 8);
        out[data.length + 1] = (byte) sw;
        return r.nextInt(50) == 0 ? Property.randomBytes(r, 1) : out;
    }

    /** Random bytes, often shaped like the real thing (TLV tags, FF padding, BCD) so decoders get past the first check. */
    private static byte[] junk(Random r) {
        byte[] b = Property.randomBytes(r, 48);
        if (b.length > 2 && r.nextBoolean()) {
            b[0] = (byte) new int[] {0x62, 0x61, 0x08, 0x07, 0x98}[r.nextInt(5)];
            b[1] = (byte) r.nextInt(b.length);
        }
        if (r.nextInt(4) == 0) {
            for (int i = r.nextInt(b.length + 1); i < b.length; i++) {
                b[i] = (byte) 0xFF;
            }
        }
        return b;
    }
}
