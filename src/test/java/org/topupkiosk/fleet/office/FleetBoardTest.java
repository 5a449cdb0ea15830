package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.topupkiosk.fleet.office.FleetSamples.inService;
import static org.topupkiosk.fleet.office.FleetSamples.json;
import static org.topupkiosk.fleet.office.FleetSamples.payment;
import static org.topupkiosk.fleet.office.FleetSamples.state;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.testing.SettableClock;

class FleetBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-07T07:00:00Z");
    private final FleetTopics topics = FleetTopics.standard();
    private final SettableClock clock = SettableClock.at(T0);
    private final FleetBoard board = new FleetBoard(topics, clock, Duration.ofSeconds(60), FleetBoard.Limits.standard());
    private final List<String> changed = new ArrayList<>();

    {
        board.addListener(changed::add);
    }

    private void publish(StateMessage s) {
        board.apply(topics.state(s.kioskId()), json(s), clock.instant());
    }

    private KioskRow row(String id) {
        return board.row(id).orElseThrow();
    }

    @Test
    void aStateMakesARowWithEverythingThePageShows() {
        publish(state("k1", StateMessage.OUT_OF_SERVICE, "paper_out", 10, "real", T0));
        KioskRow r = row("k1");
        assertThat(r.status()).isEqualTo(KioskRow.ONLINE);
        assertThat(r.mode()).isEqualTo("out_of_service");
        assertThat(r.reason()).isEqualTo("paper_out");
        assertThat(r.devices()).hasSize(2);
        assertThat(r.devicesOk()).isEqualTo(2);
        assertThat(r.cashBox().fillPercent()).isEqualTo(35);
        assertThat(r.outbox().pending()).isEqualTo(1);
        assertThat(r.auditHead()).isEqualTo(10);
        assertThat(r.version()).isEqualTo("1.4.0");
        assertThat(r.lastSeen()).isEqualTo(T0);
        assertThat(changed).containsExactly("k1");
        assertThat(board.stats().stateUpdates()).isEqualTo(1);
    }

    @Test
    void theLastWillShowsTheKioskOfflineEvenWithAnOlderHead() {
        publish(inService("k1", 5, T0));            // the state the will was made from at connect
        StateMessage will = inService("k1", 5, T0).offline();
        publish(inService("k1", 9, T0.plusSeconds(5)));
        publish(will);
        KioskRow r = row("k1");
        assertThat(r.status()).isEqualTo(KioskRow.OFFLINE);
        assertThat(r.auditAlarm()).as("a will carries the head of its connect: not a rewrite").isNull();
    }

    @Test
    void aKioskWithoutStateForThreeIntervalsIsSilentAndListenersHearIt() {
        publish(inService("k1", 3, T0));
        clock.advance(Duration.ofSeconds(179));
        board.sweep();
        assertThat(row("k1").status()).isEqualTo(KioskRow.ONLINE);
        changed.clear();
        clock.advance(Duration.ofSeconds(2));
        board.sweep();
        assertThat(changed).containsExactly("k1");
        assertThat(row("k1").status()).isEqualTo(KioskRow.SILENT);
        publish(inService("k1", 4, clock.instant()));
        assertThat(row("k1").status()).isEqualTo(KioskRow.ONLINE);
    }

    @Test
    void eventsAreDeduplicatedByIdAndKeptNewestFirstInABoundedRing() {
        FleetBoard small = new FleetBoard(topics, clock, Duration.ofSeconds(60), new FleetBoard.Limits(10, 5, 100, 5));
        for (int i = 0; i < 8; i++) {
            small.apply(topics.events("k1"), json(payment("k1", "e" + i, 100 * (i + 1), T0.plusSeconds(i))), T0);
        }
        small.apply(topics.events("k1"), json(payment("k1", "e3", 400, T0.plusSeconds(3))), T0);
        small.apply(topics.events("k1"), json(payment("k1", "e7", 800, T0.plusSeconds(7))), T0);
        KioskDetail d = small.detail("k1").orElseThrow();
        assertThat(d.events()).extracting(e -> e.id()).containsExactly("e7", "e6", "e5", "e4", "e3");
        assertThat(d.duplicateEvents()).isEqualTo(2);
        assertThat(small.stats().events()).isEqualTo(8);
        assertThat(d.row().lastPayment().amountMinor()).isEqualTo(800);
        assertThat(d.row().lastPayment().outcome()).isEqualTo("confirmed");
    }

    @Test
    void aChainRewrittenUnderASeenCountRaisesAnAlarmThatStaysUntilAcknowledged() {
        publish(state("k1", StateMessage.IN_SERVICE, null, 20, "real", T0));
        publish(state("k1", StateMessage.IN_SERVICE, null, 21, "real", T0.plusSeconds(1)));
        assertThat(row("k1").auditAlarm()).isNull();
        // the journal was rewritten: row 16 (an anchor) and 21 (a head seen) now hash differently
        publish(state("k1", StateMessage.IN_SERVICE, null, 22, "forged", T0.plusSeconds(2)));
        KioskRow.AuditAlarm alarm = row("k1").auditAlarm();
        assertThat(alarm).isNotNull();
        assertThat(alarm.problem()).contains("row 16 changed");
        publish(state("k1", StateMessage.IN_SERVICE, null, 23, "forged", T0.plusSeconds(3)));
        assertThat(row("k1").auditAlarm().raisedAt()).isEqualTo(alarm.raisedAt());
        assertThat(row("k1").auditAlarm().repeats()).isEqualTo(1);
        assertThat(board.acknowledgeAuditAlarm("k1")).isTrue();
        assertThat(row("k1").auditAlarm()).isNull();
        publish(state("k1", StateMessage.IN_SERVICE, null, 24, "forged", T0.plusSeconds(4)));
        assertThat(row("k1").auditAlarm()).as("after the acknowledgement the chain shown is the baseline").isNull();
        assertThat(board.acknowledgeAuditAlarm("k1")).isFalse();
    }

    @Test
    void aHeadGoingBackRaisesTheAlarm() {
        publish(inService("k1", 50, T0));
        publish(inService("k1", 40, T0.plusSeconds(1)));
        assertThat(row("k1").auditAlarm().problem()).contains("went back from row 50 to row 40");
    }

    @Test
    void aNormalGrowingChainNeverAlarms() {
        for (long head = 0; head < 300; head += 7) {
            publish(inService("k1", head, T0.plusSeconds(head)));
        }
        assertThat(row("k1").auditAlarm()).isNull();
    }

    @Test
    void acknowledgementsAnswerTheCommandsSent() {
        CommandMessage c = new CommandMessage("c-1", "k1", CommandMessage.SYNC_NOW, null, T0, T0.plusSeconds(300), "x");
        board.commandSent(c);
        assertThat(row("k1").pendingCommands()).isEqualTo(1);
        board.apply(topics.acks("k1"), json(new AckMessage("c-1", "k1", AckMessage.DONE, null, T0)), T0);
        board.apply(topics.acks("k1"), json(new AckMessage("c-9", "k1", AckMessage.REFUSED, "bad_signature", T0)), T0);
        KioskDetail d = board.detail("k1").orElseThrow();
        assertThat(d.row().pendingCommands()).isZero();
        board.commandSent(new CommandMessage("c-2", "k1", CommandMessage.IN_SERVICE, null, T0, T0.plusSeconds(300),
                "x"));
        assertThat(row("k1").pendingCommands()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(300));
        assertThat(row("k1").pendingCommands()).as("an expired command waits no more").isZero();
        d = board.detail("k1").orElseThrow();
        assertThat(d.commands()).extracting(KioskDetail.CommandView::id, KioskDetail.CommandView::status)
                .containsExactly(Tuple.tuple("c-2", "expired"), Tuple.tuple("c-9", "refused"),
                        Tuple.tuple("c-1", "done"));
    }

    @Test
    void badPayloadsAreCountedNeverThrownAndChangeNothing() {
        publish(inService("k1", 3, T0));
        changed.clear();
        board.apply(topics.state("k1"), "not json".getBytes(StandardCharsets.UTF_8), T0);
        board.apply(topics.state("k1"), new byte[0], T0);
        board.apply(topics.state("k1"), null, T0);
        board.apply(topics.state("k1"), json(inService("k2", 3, T0)), T0);   // another kiosk's state on k1's topic
        board.apply(topics.events("k1"), "{\"id\":\"e\",\"kioskId\":\"k1\",\"kind\":\"payment\",\"at\":\"2026-12-07T07:00:00Z\",\"data\":{\"amountMinor\":\"12abc\"}}".getBytes(StandardCharsets.UTF_8), T0);
        board.apply("elsewhere/k1/state", json(inService("k1", 3, T0)), T0);
        board.apply(topics.commands("k1"), "{}".getBytes(StandardCharsets.UTF_8), T0);
        board.apply(null, null, null);
        assertThat(board.badMessages()).isEqualTo(8);
        assertThat(row("k1").badMessages()).isEqualTo(6);
        assertThat(row("k1").auditHead()).isEqualTo(3);
        assertThat(board.kioskCount()).isEqualTo(1);
        assertThat(changed).isEmpty();
    }

    @Test
    void statsGiveTheLatencyFromTheKiosksTimestampAndReset() {
        for (int i = 1; i <= 100; i++) {
            publish(inService("k" + i, 1, clock.instant().minusMillis(i)));
        }
        BoardStats s = board.stats();
        assertThat(s.kiosks()).isEqualTo(100);
        assertThat(s.latencyMs().p50()).isEqualTo(50);
        assertThat(s.latencyMs().p99()).isEqualTo(99);
        assertThat(s.latencyMs().max()).isEqualTo(100);
        board.resetStats();
        assertThat(board.stats().stateUpdates()).isZero();
        assertThat(board.stats().latencyMs().count()).isZero();
        assertThat(board.stats().kiosks()).isEqualTo(100);
    }

    @Test
    void theBoardHoldsNoMoreKiosksThanItsLimit() {
        FleetBoard small = new FleetBoard(topics, clock, Duration.ofSeconds(60), new FleetBoard.Limits(2, 5, 10, 5));
        for (int i = 0; i < 3; i++) {
            small.apply(topics.state("k" + i), json(inService("k" + i, 1, T0)), T0);
        }
        assertThat(small.kioskCount()).isEqualTo(2);
        assertThat(small.badMessages()).isEqualTo(1);
    }
}
