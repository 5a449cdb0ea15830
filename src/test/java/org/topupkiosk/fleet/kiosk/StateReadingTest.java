package org.topupkiosk.fleet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.fleet.StateMessage;

/** What makes a kiosk publish its state before the periodic one is due. */
class StateReadingTest {

    private static StateMessage state(String acceptorState, String detail, int pending) {
        return state(acceptorState, detail, pending, 5, List.of());
    }

    private static StateMessage state(String acceptorState, String detail, int pending, long head,
                                      List<StateMessage.AuditMark> anchors) {
        return new StateMessage("K-1", true, StateMessage.IN_SERVICE, null,
                List.of(new StateMessage.Device("bill_acceptor", acceptorState, detail)), "ok",
                new StateMessage.CashBox(1, 10000, "RUB", 1), new StateMessage.Outbox(pending, 3),
                new StateMessage.AuditMark(head, "0".repeat(64)), anchors, null, List.of(), "1", Instant.now());
    }

    @Test
    void theAnchorsMovingAfterAPublishAreNoChangeButANewHeadIs() {
        StateMessage.AuditMark before = new StateMessage.AuditMark(3, "1".repeat(64));
        StateMessage.AuditMark published = new StateMessage.AuditMark(5, "0".repeat(64));
        assertThat(comparable(state("READY", "x", 0, 5, List.of(before))))
                .isEqualTo(comparable(state("READY", "x", 0, 5, List.of(published))));
        assertThat(comparable(state("READY", "x", 0, 5, List.of()))).isNotEqualTo(comparable(state("READY", "x", 0,
                6, List.of())));
    }

    private static StateMessage comparable(StateMessage s) {
        return new StateReader.Reading(s, null, null).comparable();
    }

    @Test
    void aDetailCounterAloneIsNoChangeButAStateOrBacklogIs() {
        assertThat(comparable(state("READY", "retries=0/3 polls=17", 0)))
                .isEqualTo(comparable(state("READY", "retries=0/3 polls=18", 0)));
        assertThat(comparable(state("READY", "x", 0))).isNotEqualTo(comparable(state("FAILED", "x", 0)));
        assertThat(comparable(state("READY", "x", 0))).isNotEqualTo(comparable(state("READY", "x", 1)));
    }
}
