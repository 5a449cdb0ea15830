package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.fleet.AckMessage;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetTopics;

/**
 * The board's heap with 1,000 kiosks filled to its per-kiosk limits (a state, 100 events, 50 commands, and the id
 * window at its full 4,096 ids): what the office's 512 MB budget must hold. A measurement, so behind a property:
 * {@code nice -n 19 mvn -B -o test -Dtest=FleetBoardMemoryTest -Dfleet.memory=true}.
 */
class FleetBoardMemoryTest {

    private static final int KIOSKS = 1_000;

    @Test
    void aThousandFullKiosksFitWellInsideTheBudget() {
        assumeTrue(Boolean.getBoolean("fleet.memory"), "a measurement: run with -Dfleet.memory=true");
        FleetTopics topics = FleetTopics.standard();
        Instant t0 = Instant.now();
        long before = usedHeap();
        FleetBoard board = new FleetBoard(topics, Clock.systemUTC(), Duration.ofSeconds(60),
                FleetBoard.Limits.standard());
        for (int k = 0; k < KIOSKS; k++) {
            String id = String.format("kiosk-%04d", k);
            board.apply(topics.state(id), FleetSamples.json(FleetSamples.inService(id, 1000 + k, t0)), t0);
            for (int e = 0; e < 100; e++) {
                board.apply(topics.events(id), FleetSamples.json(FleetSamples.payment(id,
                        "01J" + id + "-" + e + "-0000-0000-000000000000", 10_000 + e, t0)), t0);
            }
            for (int c = 0; c < 50; c++) {
                String cid = id + "-cmd-" + c;
                board.commandSent(new CommandMessage(cid, id, CommandMessage.SYNC_NOW, null, t0, t0, "sig"));
                board.apply(topics.acks(id), FleetSamples.json(new AckMessage(cid, id, "done", null, t0)), t0);
            }
        }
        long boardBytes = usedHeap() - before;
        List<EventIdWindow> windows = new ArrayList<>();
        long beforeWindows = usedHeap();
        for (int k = 0; k < KIOSKS; k++) {
            EventIdWindow w = new EventIdWindow(FleetBoard.Limits.standard().eventIds());
            for (int e = 0; e < 5_000; e++) {
                w.add("id-" + k + "-" + e);
            }
            windows.add(w);
        }
        long windowBytes = usedHeap() - beforeWindows;
        System.out.printf("fleet_board_1000_kiosks_heap_mb=%d (state, 100 events, 50 commands each)%n",
                boardBytes >> 20);
        System.out.printf("fleet_id_windows_1000_full_heap_mb=%d (4,096 ids each)%n", windowBytes >> 20);
        assertThat(board.kioskCount()).isEqualTo(KIOSKS);
        assertThat(windows).hasSize(KIOSKS);
        assertThat(boardBytes + windowBytes).isLessThan(300L << 20);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
