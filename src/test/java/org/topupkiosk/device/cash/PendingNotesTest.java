package org.topupkiosk.device.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;

/** The note behind a "bill in stacker" report keeps its name until the device takes a RESET, in every life. */
class PendingNotesTest {

    @TempDir
    Path dir;

    @Test
    void theNoteInTheStackerIsNamedTheSameUntilTheReset() throws Exception {
        PendingNotes first = new PendingNotes(dir, "t");
        PendingNotes.Note note = new PendingNotes.Note(first.newId(), Money.rub(500));
        first.recordStacking(note);
        assertThat(first.nameNoteInStacker()).contains(note);
        assertThat(first.all()).containsExactly(note);
        assertThat(first.stacking()).isEmpty();
        first.clear(note.noteId()); // the journal took it

        PendingNotes nextLife = new PendingNotes(dir, "t");
        assertThat(nextLife.nameNoteInStacker()).as("the same report, heard again before any RESET").contains(note);
        nextLife.stackerReportCleared();
        assertThat(nextLife.nameNoteInStacker()).as("after the RESET nothing explains a new report").isEmpty();
    }

    @Test
    void withoutAStackNothingNamesTheNote() throws Exception {
        assertThat(new PendingNotes(dir, "t").nameNoteInStacker()).isEmpty();
    }

    @Test
    void idsAreUniqueAcrossInstances() {
        assertThat(new PendingNotes(dir, "t").newId()).isNotEqualTo(new PendingNotes(dir, "t").newId());
    }

    @Test
    void aNoteClearedWhileTheFolderIsReadIsNoLongerPendingNotAnError() throws Exception {
        PendingNotes notes = new PendingNotes(dir, "t");
        PendingNotes.Note kept = new PendingNotes.Note(notes.newId(), Money.rub(100));
        notes.record(kept.noteId(), kept.amount());
        // Listed, then gone before it is read: the driver's thread acknowledged it in between. A link to nothing is
        // exactly that moment, held still.
        Files.createSymbolicLink(dir.resolve("t-gone.note"), dir.resolve("t-gone.note.deleted"));
        assertThat(notes.all()).containsExactly(kept);
    }
}
