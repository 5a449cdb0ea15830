package org.topupkiosk.device.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.Fuzz;

/**
 * The driver's note records on disk (pending notes and the stacking intent), fuzzed: records as the driver writes
 * them, damaged, and random bytes. Reading gives a note (a safe id, a positive amount) or an
 * {@link PendingNotes.UnreadableRecord}, nothing else; and a damaged file never hides the good ones.
 */
class PendingNotesFuzzProperties {

    @Provide
    Arbitrary<PendingNotes.Note> notes() {
        Arbitrary<String> id = Combinators.combine(Arbitraries.of("ccnet", "id003"),
                Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.integers().between(1, 100_000))
                .as((p, life, n) -> p + "-" + Long.toString(life, 36) + "-" + n);
        return Combinators.combine(id, Arbitraries.of(10L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L))
                .as((i, rub) -> new PendingNotes.Note(i, Money.rub(rub)));
    }

    @Provide
    Arbitrary<byte[]> stackingRecords() {
        return Fuzz.around(notes().map(n -> (n.noteId() + " " + n.amount().minor() + " " + n.amount().currency()
                + "\n").getBytes(StandardCharsets.UTF_8)), 40);
    }

    @Provide
    Arbitrary<byte[]> pendingRecords() {
        return Fuzz.around(notes().map(n -> (n.amount().minor() + " " + n.amount().currency() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 40);
    }

    @Property
    void anyStackingRecordIsANoteOrUnreadable(@ForAll("stackingRecords") byte[] content) {
        try {
            check(PendingNotes.parseStacking(content));
        } catch (PendingNotes.UnreadableRecord refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property
    void anyPendingRecordIsANoteOrUnreadable(@ForAll("pendingRecords") byte[] content,
                                            @ForAll("fileNames") String name) {
        try {
            check(PendingNotes.parsePending(name, content));
        } catch (PendingNotes.UnreadableRecord refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Fuzz.textAround(notes().map(PendingNotes.Note::noteId), "abc019-_./\\ ", 20);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void writtenRecordsReadBack(@ForAll("notes") PendingNotes.Note note) throws IOException {
        assertThat(PendingNotes.parseStacking((note.noteId() + " " + note.amount().minor() + " RUB\n")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(note);
        assertThat(PendingNotes.parsePending(note.noteId(), (note.amount().minor() + " RUB\n")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(note);
    }

    private static void check(PendingNotes.Note n) {
        assertThat(n.noteId()).matches("[A-Za-z0-9_-]{1,128}");
        assertThat(n.amount().isPositive()).isTrue();
    }

    // Defects the fuzzing found; each fails on the code before the fix.

    /** One pending note file that is not UTF-8 made all() throw, so no pending note at all was raised at start. */
    @Example
    void aGarbledFileDoesNotHideTheGoodNotes() throws IOException {
        Path dir = Files.createTempDirectory("pending");
        try {
            PendingNotes p = new PendingNotes(dir, "ccnet");
            p.record("ccnet-good-1", Money.rub(500));
            Files.write(dir.resolve("ccnet-bad-2.note"), new byte[] {(byte) 0xC3, (byte) 0x28, ' ', 'R'});
            assertThat(p.all()).containsExactly(new PendingNotes.Note("ccnet-good-1", Money.rub(500)));
        } finally {
            deleteTree(dir);
        }
    }

    /** A record with a zero or negative amount was raised as a note worth that much. */
    @Example
    void aNoteWorthNothingOrLessIsNotRaised() throws IOException {
        Path dir = Files.createTempDirectory("pending");
        try {
            PendingNotes p = new PendingNotes(dir, "ccnet");
            Files.writeString(dir.resolve("ccnet-x-1.note"), "-50000 RUB\n");
            Files.writeString(dir.resolve("ccnet-x-2.note"), "0 RUB\n");
            Files.writeString(dir.resolve("stacking.intent"), "ccnet-x-3 -100 RUB\n");
            assertThat(p.all()).isEmpty();
            assertThat(p.stacking()).isEmpty();
        } finally {
            deleteTree(dir);
        }
    }

    /** A stacking record's note id names a file: "../x" wrote a pending note outside the folder. */
    @Example
    void aStackingRecordCannotNameAFileOutsideTheFolder() throws IOException {
        Path dir = Files.createTempDirectory("pending");
        try {
            PendingNotes p = new PendingNotes(dir.resolve("notes"), "ccnet");
            Files.writeString(dir.resolve("notes").resolve("stacking.intent"), "../escaped 50000 RUB\n");
            assertThat(p.stacking()).isEmpty();
            assertThat(p.nameNoteInStacker()).isEmpty();
            assertThat(dir.resolve("escaped.note")).doesNotExist();
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
