package org.topupkiosk.device.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;

/**
 * A Raspberry Pi has no real-time clock: a later life of the kiosk can start at the same or an earlier time than an
 * earlier one. Note ids must still never repeat, or the journal takes a real note for a device repeat and drops it.
 */
class NoteIdsAcrossLivesTest {

    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");
    static final Msisdn NUMBER = Msisdn.of("+7 916 123-45-67");

    @TempDir
    Path dir;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    /** One life of the driver: take a note, make it durable, let the journal credit it, acknowledge it. */
    private static String stackAndAcknowledge(PendingNotes life, Journal journal, String txnId, Money amount)
            throws Exception {
        String id = life.newId();
        life.record(id, amount);
        assertThat(life.all()).extracting(PendingNotes.Note::noteId).contains(id);
        boolean credited = journal.recordStacked(txnId, amount, id);
        life.clear(id);
        assertThat(credited).as("note %s credited, not dropped as a repeat", id).isTrue();
        return id;
    }

    @Test
    void aClockSetBackDoesNotReissueANoteIdAndTheJournalCreditsBothNotes() throws Exception {
        Path pending = dir.resolve("pending");
        try (Journal journal = Journal.open(dir.resolve("j.db"), "0042", at(T))) {
            Order order = journal.openOrder("topup", NUMBER, "mts", null);

            String first = stackAndAcknowledge(new PendingNotes(pending, "ccnet", at(T)), journal, order.txnId(),
                    Money.rub(500));
            // the power fails; fake-hwclock brings the next life up at the time it saved, and then earlier still
            String second = stackAndAcknowledge(new PendingNotes(pending, "ccnet", at(T)), journal, order.txnId(),
                    Money.rub(1000));
            String third = stackAndAcknowledge(new PendingNotes(pending, "ccnet", at(T.minus(Duration.ofHours(6)))),
                    journal, order.txnId(), Money.rub(100));

            assertThat(Set.of(first, second, third)).hasSize(3);
            assertThat(journal.knowsNote(first)).isTrue();
            assertThat(journal.knowsNote(second)).isTrue();
            assertThat(journal.knowsNote(third)).isTrue();
            assertThat(journal.order(order.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(1600));
            assertThat(journal.stackedTotal()).isEqualTo(Money.rub(1600));
            assertThat(new PendingNotes(pending, "ccnet", at(T)).all()).isEmpty();
        }
    }

    @Test
    void idsStayReadableAndDatedByTheLifeThatIssuedThem() {
        String id = new PendingNotes(dir, "id003", at(T)).newId();
        assertThat(id).startsWith("id003-" + Long.toString(T.toEpochMilli(), 36) + "-").endsWith("-1")
                .matches("id003-[0-9a-z]+-[0-9a-f]{16}-1");
    }

    @Test
    void manyLivesWithRandomClocksNeverReissueAnId() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        // few distinct start times, so that many lives share one: the clock alone would collide at once
        long[] starts = {T.toEpochMilli(), T.toEpochMilli() - 1, 0L, T.minus(Duration.ofDays(400)).toEpochMilli()};
        Set<String> seen = new HashSet<>();
        int issued = 0;
        for (int life = 0; life < 500; life++) {
            Instant start = random.nextInt(4) == 0
                    ? Instant.ofEpochMilli(random.nextLong(0, T.toEpochMilli() * 2))
                    : Instant.ofEpochMilli(starts[random.nextInt(starts.length)]);
            PendingNotes notes = new PendingNotes(dir, "ccnet", at(start));
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                String id = notes.newId();
                assertThat(seen.add(id)).as("id %s issued twice (seed %s, life %s)", id, seed, life).isTrue();
                issued++;
            }
        }
        assertThat(seen).hasSize(issued);
    }

    /**
     * Each life here is a fresh load of the class, as after a restart of the JVM: nothing static survives. Lives that
     * start within one millisecond stand for a clock brought back to the same start time, without any clock seam.
     */
    @Test
    void freshProcessesStartedAtTheSameTimeNeverShareAnId() throws Exception {
        List<Class<?>> lives = new ArrayList<>();
        for (int life = 0; life < 200; life++) {
            lives.add(new OneLife().loadClass(PendingNotes.class.getName()));
        }
        for (Class<?> type : lives) { // start them all at once: most lives share their start millisecond
            Class.forName(type.getName(), true, type.getClassLoader());
        }
        Set<String> seen = new HashSet<>();
        for (Class<?> type : lives) {
            Object notes = type.getConstructor(Path.class, String.class).newInstance(dir, "ccnet");
            String id = (String) type.getMethod("newId").invoke(notes);
            assertThat(seen.add(id)).as("id %s reissued by a later life", id).isTrue();
        }
    }

    /** Loads PendingNotes (and its nested types) anew; everything else comes from the test's class loader. */
    private static final class OneLife extends ClassLoader {
        OneLife() {
            super(NoteIdsAcrossLivesTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PendingNotes.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void pendingNotesWithOldStyleIdsAreStillReadAndResolved() throws Exception {
        Path pending = dir.resolve("pending");
        Files.createDirectories(pending);
        // written by a driver before this change: ids prefix-start-counter, amounts in minor units
        Files.writeString(pending.resolve("ccnet-mhxk3f2a-7.note"), Money.rub(500).minor() + " RUB\n",
                StandardCharsets.UTF_8);
        Files.writeString(pending.resolve("stacking.intent"), "ccnet-mhxk3f2a-8 " + Money.rub(1000).minor()
                + " RUB\n", StandardCharsets.UTF_8);

        PendingNotes life = new PendingNotes(pending, "ccnet", at(T.minus(Duration.ofDays(1))));
        assertThat(life.all()).containsExactly(new PendingNotes.Note("ccnet-mhxk3f2a-7", Money.rub(500)));
        assertThat(life.stacking()).contains(new PendingNotes.Note("ccnet-mhxk3f2a-8", Money.rub(1000)));
        life.resolveStacking(true);
        assertThat(life.all()).extracting(PendingNotes.Note::noteId)
                .containsExactly("ccnet-mhxk3f2a-7", "ccnet-mhxk3f2a-8");

        try (Journal journal = Journal.open(dir.resolve("j.db"), "0042", at(T))) {
            Order order = journal.openOrder("topup", NUMBER, "mts", null);
            for (PendingNotes.Note note : life.all()) {
                assertThat(journal.recordStacked(order.txnId(), note.amount(), note.noteId())).isTrue();
                life.clear(note.noteId());
            }
            assertThat(life.all()).isEmpty();
            String fresh = stackAndAcknowledge(life, journal, order.txnId(), Money.rub(100));
            assertThat(fresh).isNotIn("ccnet-mhxk3f2a-7", "ccnet-mhxk3f2a-8");
            assertThat(journal.order(order.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(1600));
        }
    }
}
