package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.topupkiosk.testing.Fuzz;

/**
 * What one end encodes, the other decodes to the same value: frames through the stream decoder with noise and control
 * bytes between them, requests, answers, receipt commands, storage answers and FFD TLVs.
 */
class ShtrihRoundTripProperties {

    static final String NAME_CHARS = "Оплата услуг связи +7 916 ***-**-67 abcXYZ0123456789.,№ЁёЪъ";

    static List<byte[]> sampleMessages() {
        LocalDateTime t = LocalDateTime.of(2026, 12, 7, 9, 5);
        return List.of(new ShtrihFnMessages.FnStatus(3, 0, false, true, 0, t, "9999078900001234", 42).encode(),
                new ShtrihFnMessages.FoundDocument(3, false, t, 42, 0xFFFF_FFFFL, 1, 50_000, 0).encode(),
                new ShtrihFnMessages.ExchangeStatus(2, false, 3, 40, Optional.of(t)).encode(),
                new ShtrihFnMessages.CloseResult(0, 42, 7, Optional.of(t)).encode(),
                new ShtrihReceiptMessages.OperationV2(1, 1_000_000, 100, 100, 0, 8, 0, 4, 10, "Оплата").encode(),
                ShtrihReceiptMessages.CloseReceiptV2.cash(100, 4, "").encode(),
                new ShtrihReceiptMessages.PrintString(2, "line").encode(),
                new ShtrihFnMessages.ShiftParameters(true, 41, 3).encode(),
                new ShtrihStatusMessages.ShortStatus(30, 2, 2, 0, 0, 200, 150, 0, 0).encode());
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void framesSurviveNoiseBetweenThemAndAnyCuts(@ForAll @Size(min = 1, max = 6) List<@Size(min = 1, max = 255)
            byte[]> bodies, @ForAll Random r) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            if (r.nextBoolean()) {
                line.write(r.nextBoolean() ? ShtrihFrame.ACK : 0x7F); // a control byte or noise, never an STX
            }
            line.writeBytes(new ShtrihFrame(body).encode());
        }
        byte[] stream = line.toByteArray();
        ShtrihDecoder d = new ShtrihDecoder();
        List<ShtrihFrame> got = new ArrayList<>();
        int i = 0;
        while (i < stream.length) {
            int n = Math.min(stream.length - i, 1 + r.nextInt(64));
            for (ShtrihDecoder.Event e : d.feed(Arrays.copyOfRange(stream, i, i + n), n)) {
                if (e instanceof ShtrihDecoder.Event.Frame f) {
                    got.add(f.frame());
                }
            }
            i += n;
        }
        assertThat(got).containsExactlyElementsOf(bodies.stream().map(ShtrihFrame::new).toList());
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void aFlippedBitNeverPassesAsAFrame(@ForAll @Size(min = 1, max = 255) byte[] body,
            @ForAll @IntRange(min = 0, max = 7) int bit, @ForAll Random r) {
        byte[] wire = new ShtrihFrame(body).encode();
        int at = 2 + r.nextInt(wire.length - 2); // a body or LRC byte: XOR catches every single-bit error there
        wire[at] ^= (byte) (1 << bit);
        List<ShtrihDecoder.Event> events = new ShtrihDecoder().feed(wire, wire.length);
        assertThat(events).noneMatch(e -> e instanceof ShtrihDecoder.Event.Frame);
    }

    @Provide
    Arbitrary<ShtrihCommand> commands() {
        return Arbitraries.of(ShtrihCommand.class);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void requestsAndAnswersRoundTrip(@ForAll("commands") ShtrihCommand c,
            @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long password, @ForAll @Size(max = 240) byte[] params,
            @ForAll @IntRange(min = 0, max = 255) int error) {
        ShtrihRequest req = new ShtrihRequest(c, password, params);
        assertThat(ShtrihRequest.decode(ShtrihFrame.decode(req.frame().encode()))).isEqualTo(req);
        ShtrihAnswer ans = new ShtrihAnswer(c.code, error, params);
        assertThat(ShtrihAnswer.decode(ShtrihFrame.decode(ans.frame().encode()))).isEqualTo(ans);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars(NAME_CHARS).ofMaxLength(64);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void receiptCommandsRoundTrip(@ForAll @IntRange(min = 1, max = 4) int op,
            @ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long qty,
            @ForAll @LongRange(min = 0, max = 0xFF_FFFF_FFFFL) long price,
            @ForAll @LongRange(min = 0, max = 0xFF_FFFF_FFFFL) long sum, @ForAll("names") String name,
            @ForAll @IntRange(min = 0, max = 255) int taxSystem) {
        var item = new ShtrihReceiptMessages.OperationV2(op, qty, price, sum, ShtrihReceiptMessages.NOT_GIVEN,
                ShtrihReceiptMessages.TAX_NO_VAT, 0, 4, 10, name);
        assertThat(ShtrihReceiptMessages.OperationV2.decode(item.encode())).isEqualTo(item);
        var close = ShtrihReceiptMessages.CloseReceiptV2.cash(sum, taxSystem, name);
        assertThat(ShtrihReceiptMessages.CloseReceiptV2.decode(close.encode())).isEqualTo(close);
        var line = new ShtrihReceiptMessages.PrintString(2, name.length() > 40 ? name.substring(0, 40) : name);
        assertThat(ShtrihReceiptMessages.PrintString.decode(line.encode())).isEqualTo(line);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void storageAnswersRoundTrip(@ForAll @IntRange(min = 0, max = 99 * 365) int days,
            @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int minutes,
            @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long number, @ForAll @IntRange(min = 1, max = 5) int type,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int count, @ForAll boolean flag) {
        LocalDateTime t = LocalDateTime.of(2000, 1, 1, 0, 0).plusDays(days).plusMinutes(minutes);
        String serial = String.format("%016d", number);
        var status = new ShtrihFnMessages.FnStatus(3, type, flag, !flag, count & 0xFF, t, serial, number);
        assertThat(ShtrihFnMessages.FnStatus.decode(status.encode())).isEqualTo(status);
        var doc = new ShtrihFnMessages.FoundDocument(type, flag, t, number, number ^ 0x5555_5555L,
                type == 3 || type == 4 ? 1 + count % 2 : 0, type == 3 || type == 4 ? number * 7 : 0,
                type == 2 || type == 5 ? count : 0);
        assertThat(ShtrihFnMessages.FoundDocument.decode(doc.encode())).isEqualTo(doc);
        var exchange = new ShtrihFnMessages.ExchangeStatus(count & 0x3F, flag, count, number,
                flag ? Optional.of(t) : Optional.empty());
        assertThat(ShtrihFnMessages.ExchangeStatus.decode(exchange.encode())).isEqualTo(exchange);
        var close = new ShtrihFnMessages.CloseResult(count, number, number, flag ? Optional.of(t) : Optional.empty());
        assertThat(ShtrihFnMessages.CloseResult.decode(close.encode())).isEqualTo(close);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void tlvsRoundTripNested(@ForAll @Size(max = 6) List<@IntRange(min = 1000, max = 1300) Integer> tags,
            @ForAll("names") String text) {
        List<FfdTlv> inner = tags.stream().map(t -> FfdTlv.text(t, text)).toList();
        List<FfdTlv> outer = List.of(FfdTlv.structure(FfdTlv.AGENT_DATA, inner), FfdTlv.byteValue(1222, 4));
        List<FfdTlv> back = FfdTlv.decodeAll(FfdTlv.encodeAll(outer));
        assertThat(back).isEqualTo(outer);
        assertThat(back.get(0).children()).isEqualTo(inner);
        back.get(0).children().forEach(t -> assertThat(t.asText()).isEqualTo(text));
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void textCp866CannotHoldIsRefusedByTag(@ForAll("names") String text, @ForAll @IntRange(min = 0, max = 64) int at) {
        String bad = text.substring(0, Math.min(at, text.length())) + "€" + text.substring(Math.min(at, text.length()));
        assertThatThrownBy(() -> FfdTlv.text(1225, bad))
                .isInstanceOf(ShtrihFormatException.class).hasMessageStartingWith("tlv.1225: ");
        assertThat(FfdTlv.text(1225, "«" + text + "» — ok").asText()).isEqualTo("\"" + text + "\" - ok");
    }
}
