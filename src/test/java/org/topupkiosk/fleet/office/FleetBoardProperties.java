package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.topupkiosk.fleet.FleetTopics;

/** Whatever arrives on whatever topic, {@code apply} never throws and the board stays readable. */
class FleetBoardProperties {

    private static final Instant T0 = Instant.parse("2026-12-07T07:00:00Z");
    private static final String STATE = new String(FleetSamples.json(FleetSamples.inService("k1", 7, T0)),
            StandardCharsets.UTF_8);
    private static final String EVENT = new String(FleetSamples.json(FleetSamples.payment("k1", "e1", 100, T0)),
            StandardCharsets.UTF_8);

    @Property(tries = 300)
    void randomPayloadsOnAnyTopicNeverThrow(@ForAll("topics") String topic, @ForAll("payloads") byte[] payload) {
        FleetBoard board = new FleetBoard(FleetTopics.standard(), Clock.systemUTC(), Duration.ofSeconds(60),
                FleetBoard.Limits.standard());
        board.apply(topic, payload, T0);
        board.apply(topic, payload, T0);
        board.rows();
        board.sweep();
        board.stats();
        board.detail("k1");
        assertThat(board.kioskCount()).isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.oneOf(
                Arbitraries.of("topup/k1/state", "topup/k1/events", "topup/k1/cmd/ack", "topup/k1/cmd", "topup/k1",
                        "topup//state", "topup/+/state", "other/k1/state", "", "topup/k1/state/x"),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> mutatedState = mutations(STATE);
        Arbitrary<byte[]> mutatedEvent = mutations(EVENT);
        Arbitrary<byte[]> json = Arbitraries.of("{}", "[]", "null", "1", "\"x\"", "{\"kioskId\":\"k1\"}",
                STATE, EVENT, STATE.replace("\"online\":true", "\"online\":\"yes\""),
                STATE.replace("35", "-35"), STATE.replace("\"count\":7", "\"count\":1e400"),
                EVENT.replace("\"100\"", "\"1e9\""), "{\"commandId\":\"c\",\"kioskId\":\"k1\",\"status\":\"done\"}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(raw.injectNull(0.05), mutatedState, mutatedEvent, json);
    }

    /** A valid message with a stretch cut out or a byte changed. */
    private static Arbitrary<byte[]> mutations(String valid) {
        byte[] b = valid.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.integers().between(0, b.length - 1).tuple3()
                .map(t -> {
                    byte[] copy = b.clone();
                    if (t.get3() % 2 == 0) {
                        copy[t.get1()] = (byte) t.get2().intValue();
                        return copy;
                    }
                    int from = Math.min(t.get1(), t.get2());
                    int to = Math.max(t.get1(), t.get2());
                    byte[] cut = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, cut, 0, from);
                    System.arraycopy(b, to, cut, from, b.length - to);
                    return cut;
                });
    }

    /** The id window answers as a model set of the last N ids would. */
    @Property(tries = 200)
    void theIdWindowForgetsOnlyTheOldest(@ForAll @IntRange(min = 1, max = 40) int capacity,
                                         @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 60) Integer> ids) {
        EventIdWindow window = new EventIdWindow(capacity);
        LinkedHashSet<Integer> model = new LinkedHashSet<>();
        List<Boolean> got = new ArrayList<>();
        List<Boolean> want = new ArrayList<>();
        for (int id : ids) {
            boolean fresh = !model.contains(id);
            if (fresh) {
                model.add(id);
                if (model.size() > capacity) {
                    model.remove(model.iterator().next());
                }
            }
            want.add(fresh);
            got.add(window.add("event-" + id));
        }
        assertThat(got).isEqualTo(want);
        assertThat(window.size()).isEqualTo(model.size());
    }
}
