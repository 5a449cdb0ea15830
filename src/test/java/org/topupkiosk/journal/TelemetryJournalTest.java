package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The telemetry outbox (V10): events made once from the audit chain after a kept cursor, sent only when acked. */
class TelemetryJournalTest {

    @TempDir
    Path dir;

    private static final TelemetryJournal.Mapper DOORS = (row, order) -> row.kind().startsWith("door_")
            ? Optional.of(new TelemetryJournal.NewEvent("door", row.at(), "{\"k\":\"" + row.kind() + "\"}"))
            : Optional.empty();

    @Test
    void eventsAreMadeOnceFromTheChainAfterTheCursorAndSentOnlyWhenAcknowledged() {
        Path db = dir.resolve("j.db");
        List<String> ids;
        try (Journal j = Journal.open(db, "k1", Clock.systemUTC())) {
            j.audit("door_opened", null, "{}"); // before the stream began: not the office's
            TelemetryJournal t = j.telemetry();
            String tag = t.begin();
            assertThat(t.begin()).as("the stream is made once").isEqualTo(tag);
            j.audit("door_closed", null, "{}");
            j.audit("service_exit", null, "{}");
            j.audit("door_opened", null, "{}");
            assertThat(t.collect(DOORS, 500)).isEqualTo(2);
            assertThat(t.collect(DOORS, 500)).as("the cursor moved past them").isZero();
            String device = t.record(new TelemetryJournal.NewEvent("device_fault", Instant.now(), "{}"));
            List<TelemetryJournal.Event> unsent = t.unsent(10);
            assertThat(unsent).extracting(TelemetryJournal.Event::kind).containsExactly("door", "door",
                    "device_fault");
            ids = unsent.stream().map(TelemetryJournal.Event::id).toList();
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("k1:" + tag + ":"));
            assertThat(ids.get(2)).isEqualTo(device);
            assertThat(t.backlog().pending()).isEqualTo(3);
            assertThat(t.markSent(ids.get(0))).isTrue();
            assertThat(t.markSent(ids.get(0))).as("once").isFalse();
            assertThat(t.backlog().pending()).isEqualTo(2);
            assertThat(t.auditHashAt(0)).contains("0".repeat(64));
            assertThat(t.auditHashAt(j.auditHead().count())).contains(j.auditHead().hash());
            assertThat(t.auditHashAt(j.auditHead().count() + 1)).isEmpty();
            assertThat(j.verify().violations()).isEmpty();
        }
        try (Journal j = Journal.open(db, "k1", Clock.systemUTC())) {
            TelemetryJournal t = j.telemetry();
            assertThat(t.unsent(10)).extracting(TelemetryJournal.Event::id).as("the same ids after a restart")
                    .containsExactly(ids.get(1), ids.get(2));
            assertThat(t.collect(DOORS, 500)).as("nothing made twice").isZero();
            // Pruning acknowledged events never frees an id: the newest row stays, the numbering goes on from it.
            t.unsent(10).forEach(e -> t.markSent(e.id()));
            assertThat(t.pruneSent(Instant.now().plusSeconds(1))).isEqualTo(2);
            assertThat(t.recent(10)).extracting(TelemetryJournal.Event::id).containsExactly(ids.get(2));
            String next = t.record(new TelemetryJournal.NewEvent("alarm", Instant.now(), "{}"));
            assertThat(ids).doesNotContain(next);
            assertThat(t.firstSight("cmd-1", "sync_now")).isTrue();
            assertThat(t.firstSight("cmd-1", "sync_now")).isFalse();
        }
        try (Journal j = Journal.open(db, "k1", Clock.systemUTC())) {
            assertThat(j.telemetry().firstSight("cmd-1", "sync_now")).as("remembered across a restart").isFalse();
        }
    }
}
