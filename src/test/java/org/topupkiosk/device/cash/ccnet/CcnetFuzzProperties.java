package org.topupkiosk.device.cash.ccnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.topupkiosk.device.cash.Crc16;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.Fuzz;

/**
 * CCNET from the wire, fuzzed: the frame decoder, the POLL reply, the bill table and the identification. Whatever
 * bytes the validator (or a noisy line) sends, the decoder yields CRC-checked frames or decode errors, the reply
 * decoders return a value, and a bill table that is not one is an {@link IllegalArgumentException}, nothing else.
 */
class CcnetFuzzProperties {

    static final List<Money> NOTES = List.of(Money.rub(10), Money.rub(50), Money.rub(100), Money.rub(200),
            Money.rub(500), Money.rub(1000), Money.rub(2000), Money.rub(5000));

    @Provide
    Arbitrary<CcnetFrame> frames() {
        Arbitrary<byte[]> payload = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1)
                        .ofMaxSize(CcnetFrame.MAX_LENGTH - CcnetFrame.OVERHEAD)));
        return Combinators.combine(Arbitraries.integers().between(0, 255), payload).as(CcnetFrame::new);
    }

    /** A line's worth of bytes: valid frames, damaged frames and noise, back to back. */
    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<byte[]> part = Fuzz.around(frames().map(CcnetFrame::encode), 64);
        return Fuzz.backToBack(part, 8);
    }

    @Property
    void anyLineYieldsOnlyCheckedFramesOrErrors(@ForAll("lines") byte[] line, @ForAll Random cuts) {
        for (FrameDecoder.Decoded d : Fuzz.feedInCuts(CcnetFrame.decoder(), line, cuts)) {
            if (d instanceof FrameDecoder.Decoded.Frame f) {
                byte[] b = f.bytes();
                assertThat(b[0]).isEqualTo((byte) CcnetFrame.SYNC);
                assertThat(b.length).isEqualTo(b[2] & 0xFF).isBetween(CcnetFrame.OVERHEAD + 1, CcnetFrame.MAX_LENGTH);
                assertThat(Crc16.matches(b, b.length)).isTrue();
                CcnetFrame frame = CcnetFrame.parse(b);
                CcnetStatus status = CcnetStatus.parse(frame.payload());
                assertThat(status.state()).isNotNull();
                assertThat(status.data()).isBetween(-1, 255);
                assertThat(Arrays.equals(frame.encode(), b)).isTrue();
            } else {
                assertThat(((FrameDecoder.Decoded.Error) d).bytesDropped()).isPositive();
            }
        }
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void everyFrameComesBackWhateverTheCuts(@ForAll("frames") CcnetFrame a, @ForAll("frames") CcnetFrame b,
                                            @ForAll Random cuts) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(a.encode());
        line.writeBytes(b.encode());
        List<CcnetFrame> got = new ArrayList<>();
        for (FrameDecoder.Decoded d : Fuzz.feedInCuts(CcnetFrame.decoder(), line.toByteArray(), cuts)) {
            got.add(CcnetFrame.parse(((FrameDecoder.Decoded.Frame) d).bytes()));
        }
        assertThat(got).containsExactly(a, b);
    }

    @Provide
    Arbitrary<List<Money>> tableSlots() {
        Arbitrary<Money> slot = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((Money) null)),
                Tuple.of(2, Arbitraries.of(NOTES)));
        return slot.list().ofMaxSize(BillTable.TYPES);
    }

    @Provide
    Arbitrary<byte[]> tableBytes() {
        return Fuzz.around(tableSlots().map(BillTable::encode), 2 * BillTable.TYPES * BillTable.ENTRY_BYTES);
    }

    @Property
    void anyBillTableIsATableOrAnIllegalArgument(@ForAll("tableBytes") byte[] data) {
        BillTable t;
        try {
            t = BillTable.parse(data);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(t.entries()).hasSize(BillTable.TYPES);
        for (BillTable.Entry e : t.entries()) {
            assertThat(e.amount() == null || e.amount().isPositive()).as("entry %s", e).isTrue();
        }
        byte[] mask = t.mask(Set.copyOf(NOTES));
        assertThat(mask).hasSize(3);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void billTablesRoundTrip(@ForAll("tableSlots") List<Money> slots) {
        BillTable t = BillTable.parse(BillTable.encode(slots));
        for (int i = 0; i < BillTable.TYPES; i++) {
            assertThat(t.amount(i)).isEqualTo(Optional.ofNullable(i < slots.size() ? slots.get(i) : null));
        }
    }

    @Property
    void anyIdentificationReadsAsText(@ForAll("identification") byte[] payload) {
        assertThatCode(() -> CcnetBillAcceptor.parseIdentity(payload)).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<byte[]> identification() {
        return Fuzz.around(Arbitraries.strings().ascii().ofLength(34).map(s -> s.getBytes(
                StandardCharsets.US_ASCII)), 64);
    }
}
