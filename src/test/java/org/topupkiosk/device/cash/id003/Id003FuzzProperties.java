package org.topupkiosk.device.cash.id003;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
 * ID003 from the wire, fuzzed: the frame decoder, the status reply, the CURRENCY ASSIGN table and the version text.
 * Whatever the acceptor (or a noisy line) sends, the decoder yields CRC-checked frames or decode errors, the status
 * decoder returns a value, and a currency table that is not one is an {@link IllegalArgumentException}, nothing else.
 */
class Id003FuzzProperties {

    static final List<Long> RUB = List.of(10L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L);

    @Provide
    Arbitrary<Id003Frame> frames() {
        Arbitrary<byte[]> data = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(3)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class)
                        .ofMaxSize(Id003Frame.MAX_LENGTH - Id003Frame.OVERHEAD)));
        return Combinators.combine(Arbitraries.integers().between(0, 255), data).as(Id003Frame::new);
    }

    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<byte[]> part = Fuzz.around(frames().map(Id003Frame::encode), 64);
        return Fuzz.backToBack(part, 8);
    }

    @Property
    void anyLineYieldsOnlyCheckedFramesOrErrors(@ForAll("lines") byte[] line, @ForAll Random cuts) {
        for (FrameDecoder.Decoded d : Fuzz.feedInCuts(Id003Frame.decoder(), line, cuts)) {
            if (d instanceof FrameDecoder.Decoded.Frame f) {
                byte[] b = f.bytes();
                assertThat(b[0]).isEqualTo((byte) Id003Frame.SYNC);
                assertThat(b.length).isEqualTo(b[1] & 0xFF).isBetween(Id003Frame.OVERHEAD, Id003Frame.MAX_LENGTH);
                assertThat(Crc16.matches(b, b.length)).isTrue();
                Id003Frame frame = Id003Frame.parse(b);
                Id003Status status = Id003Status.parse(frame);
                assertThat(status.state()).isNotNull();
                assertThat(status.data()).isBetween(-1, 255);
                assertThat(status.state().faultCode()).isNotBlank();
                assertThat(Arrays.equals(frame.encode(), b)).isTrue();
            } else {
                assertThat(((FrameDecoder.Decoded.Error) d).bytesDropped()).isPositive();
            }
        }
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void everyFrameComesBackWhateverTheCuts(@ForAll("frames") Id003Frame a, @ForAll("frames") Id003Frame b,
                                            @ForAll Random cuts) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(a.encode());
        line.writeBytes(b.encode());
        List<Id003Frame> got = new ArrayList<>();
        for (FrameDecoder.Decoded d : Fuzz.feedInCuts(Id003Frame.decoder(), line.toByteArray(), cuts)) {
            got.add(Id003Frame.parse(((FrameDecoder.Decoded.Frame) d).bytes()));
        }
        assertThat(got).containsExactly(a, b);
    }

    /** Tables of distinct rouble notes on distinct escrow codes. */
    @Provide
    Arbitrary<Id003Denominations> tables() {
        Arbitrary<List<Integer>> codes = Arbitraries.integers().between(0, Id003Denominations.CODES - 1)
                .set().ofMinSize(1).ofMaxSize(RUB.size()).map(ArrayList::new);
        return Combinators.combine(codes, Arbitraries.shuffle(RUB)).as((c, notes) -> {
            Map<Integer, Money> m = new TreeMap<>();
            for (int i = 0; i < c.size(); i++) {
                m.put(Id003Denominations.FIRST_CODE + c.get(i), Money.rub(notes.get(i)));
            }
            return new Id003Denominations(m);
        });
    }

    @Provide
    Arbitrary<byte[]> tableBytes() {
        return Fuzz.around(Combinators.combine(tables(), Arbitraries.integers().between(0, 255)).as(
                Id003Denominations::encode), Id003Denominations.CODES * Id003Denominations.GROUP + 8);
    }

    @Property
    void anyCurrencyTableIsATableOrAnIllegalArgument(@ForAll("tableBytes") byte[] data) {
        Id003Denominations t;
        try {
            t = Id003Denominations.parse(data);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        List<Money> known = t.known();
        assertThat(known).isNotEmpty().doesNotHaveDuplicates().allMatch(Money::isPositive);
        for (Money m : known) {
            assertThat(t.amount(t.code(m))).contains(m);
        }
        assertThat(t.inhibitMask(new HashSet<>(known))).hasSize(2);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void currencyTablesRoundTrip(@ForAll("tables") Id003Denominations t, @ForAll byte country) {
        Id003Denominations back = Id003Denominations.parse(t.encode(country & 0xFF));
        assertThat(back.known()).isEqualTo(t.known());
        for (Money m : t.known()) {
            assertThat(back.code(m)).isEqualTo(t.code(m));
        }
    }

    @Property
    void anyVersionTextReads(@ForAll("versions") byte[] data) {
        assertThatCode(() -> assertThat(Id003BillAcceptor.parseIdentity(data).part()).isNotBlank())
                .doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<byte[]> versions() {
        return Fuzz.around(Arbitraries.strings().ascii().ofMaxLength(40).map(s -> s.getBytes(
                StandardCharsets.US_ASCII)), 64);
    }
}
