package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.testing.Fuzz;

/**
 * Whatever bytes come off the line, the stream decoder and every message decoder answer a value or a
 * {@link ShtrihFormatException} naming the field; the stream decoder accounts for every byte and hands out only frames
 * whose LRC is right.
 */
class ShtrihFuzzProperties {

    @Provide
    Arbitrary<byte[]> line() {
        Arbitrary<byte[]> frame = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(60)
                .map(b -> new ShtrihFrame(b).encode());
        Arbitrary<byte[]> control = Arbitraries.of(ShtrihFrame.ENQ, ShtrihFrame.ACK, ShtrihFrame.NAK)
                .map(c -> new byte[] {(byte) (int) c});
        return Fuzz.around(Fuzz.backToBack(Arbitraries.oneOf(frame, control), 8), 300);
    }

    @Property
    void streamDecoderAccountsForEveryByte(@ForAll("line") byte[] line, @ForAll Random cuts) {
        ShtrihDecoder d = new ShtrihDecoder();
        List<ShtrihDecoder.Event> events = new ArrayList<>();
        int i = 0;
        while (i < line.length) {
            int n = Math.min(line.length - i, 1 + cuts.nextInt(40));
            events.addAll(d.feed(Arrays.copyOfRange(line, i, i + n), n));
            i += n;
        }
        int accounted = d.reset();
        for (ShtrihDecoder.Event e : events) {
            if (e instanceof ShtrihDecoder.Event.Frame f) {
                byte[] wire = f.frame().encode();
                assertThat(ShtrihFrame.decode(wire)).isEqualTo(f.frame());
                accounted += wire.length;
            } else if (e instanceof ShtrihDecoder.Event.Control c) {
                assertThat(c.value()).isIn(ShtrihFrame.ENQ, ShtrihFrame.ACK, ShtrihFrame.NAK);
                accounted += 1;
            } else if (e instanceof ShtrihDecoder.Event.BadLrc b) {
                assertThat(b.bytesDropped()).isGreaterThanOrEqualTo(4);
                accounted += b.bytesDropped();
            } else {
                assertThat(((ShtrihDecoder.Event.Noise) e).bytesDropped()).isPositive();
                accounted += ((ShtrihDecoder.Event.Noise) e).bytesDropped();
            }
        }
        assertThat(accounted).isEqualTo(line.length);
    }

    @Property
    void frameDecodeIsAFrameOrANamedError(@ForAll("line") byte[] bytes) {
        refusesOnlyWithFieldNames(ShtrihFrame::decode, bytes);
    }

    @Provide
    Arbitrary<byte[]> messageData() {
        return Fuzz.around(Arbitraries.of(ShtrihRoundTripProperties.sampleMessages()), 200);
    }

    @Property
    void messageDecodersAnswerAValueOrANamedError(@ForAll("messageData") byte[] data) {
        List<Function<byte[], ?>> decoders = List.of(ShtrihStatusMessages.ShortStatus::decode,
                ShtrihStatusMessages.FullStatus::decode, ShtrihStatusMessages.OperatorAnswer::decode,
                ShtrihFnMessages.FnStatus::decode, ShtrihFnMessages.FnSerial::decode, ShtrihFnMessages.FnExpiry::decode,
                ShtrihFnMessages.ExchangeStatus::decode, ShtrihFnMessages.ShiftParameters::decode,
                ShtrihFnMessages.FindDocument::decode, ShtrihFnMessages.FoundDocument::decode,
                ShtrihFnMessages.CloseResult::decode, ShtrihReceiptMessages.OpenReceipt::decode,
                ShtrihReceiptMessages.OperationV2::decode, ShtrihReceiptMessages.CloseReceiptV2::decode,
                ShtrihReceiptMessages.PrintString::decode, FfdTlv::decodeAll,
                b -> ShtrihRequest.decode(new ShtrihFrame(b.length == 0 ? new byte[] {0x10} : b)),
                b -> ShtrihAnswer.decode(new ShtrihFrame(b.length == 0 ? new byte[] {0x10} : b)));
        for (Function<byte[], ?> decoder : decoders) {
            refusesOnlyWithFieldNames(decoder, data.length > 255 ? Arrays.copyOf(data, 255) : data);
        }
    }

    private static void refusesOnlyWithFieldNames(Function<byte[], ?> decoder, byte[] bytes) {
        try {
            assertThat((Object) decoder.apply(bytes)).isNotNull();
        } catch (ShtrihFormatException e) {
            assertThat(e.field()).isNotBlank();
            assertThat(e.getMessage()).startsWith(e.field() + ": ");
        }
    }
}
