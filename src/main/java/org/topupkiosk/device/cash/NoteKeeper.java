package org.topupkiosk.device.cash;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.domain.Money;

/**
 * The crash-safety of stacked notes, for every polled driver in one place: notes stacked but never acknowledged are
 * raised again at start with their ids; the note in escrow is written down before STACK so a power cut mid-stack still
 * names it; a stacked note is on disk before the device gets its ACK and before the flow hears of it; and a "bill in
 * the stacker" at power-up is named by the STACK that explains it. Runs on the poller thread only.
 */
public final class NoteKeeper {

    private static final Logger log = LoggerFactory.getLogger(NoteKeeper.class);

    private final PendingNotes pending;
    private final Consumer<BillEvent> emit;
    private boolean pendingAtStart;

    NoteKeeper(PendingNotes pending, Consumer<BillEvent> emit) {
        this.pending = pending;
        this.emit = emit;
    }

    /**
     * Notes that were stacked but never acknowledged (the kiosk died between "stacked" and the journal commit, or
     * between the commit and the acknowledgement) come first, as {@code PowerUpWithBill(STACKER)} with their original
     * ids, so the journal credits each exactly once.
     */
    void replay() {
        List<PendingNotes.Note> notes = pending.all();
        pendingAtStart = !notes.isEmpty();
        for (PendingNotes.Note n : notes) {
            log.warn("note {} ({}) was stacked but never acknowledged: raising it again", n.noteId(),
                    n.amount().plain());
            emit.accept(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, n.amount(),
                    n.noteId(), n.ref()));
        }
    }

    /** First contact is over (RESET is next): a "stacked" from now on is a new note. */
    void startIsOver() {
        pendingAtStart = false;
    }

    /** After the journal commit. */
    void acknowledge(String noteId) {
        pending.clear(noteId);
    }

    /** Before STACK: the note in escrow and its future id go to disk (see {@link PendingNotes#recordStacking}). */
    void rememberStacking(Optional<Money> inEscrow, String ref) {
        if (inEscrow.isEmpty()) {
            return;
        }
        try {
            pending.recordStacking(new PendingNotes.Note(pending.newId(), inEscrow.get(), ref));
        } catch (IOException e) {
            // Stack anyway: "stacked" is still credited as usual; only a power cut now would leave the note unnamed.
            log.warn("could not remember the note being stacked ({}): a power cut now leaves it unidentified",
                    inEscrow.get().plain(), e);
        }
    }

    /** @return false when the disk would not take it (logged) */
    public boolean resolveStacking(boolean stacked) {
        try {
            pending.resolveStacking(stacked);
            return true;
        } catch (IOException e) {
            log.error("could not resolve the stacking record (stacked={})", stacked, e);
            return false;
        }
    }

    /**
     * The device says {@code amount} is stacked: on disk under the id remembered with STACK when it is this note (so
     * every life calls the note the same), then out to the flow. Runs before the device gets its ACK.
     *
     * @param notRecorded runs when the disk would not take it: the device keeps reporting the note and the machine must
     *                    hear it again next poll
     * @throws DeviceException FAILURE when the note could not be recorded: no ACK goes out
     */
    public void stacked(Money amount, Runnable notRecorded) throws DeviceException {
        Optional<PendingNotes.Note> intent = pending.stacking();
        boolean named = intent.isPresent() && intent.get().amount().equals(amount);
        String noteId = named ? intent.get().noteId() : pending.newId();
        String ref = named ? intent.get().ref() : null;
        try {
            pending.record(noteId, amount, ref);
            resolveStacking(false);
        } catch (IOException e) {
            notRecorded.run();
            throw new DeviceException(DeviceException.Code.FAILURE, "cannot record stacked note", e);
        }
        emit.accept(new BillEvent.Stacked(amount, noteId, ref));
    }

    /**
     * True when the device still shows the "stacked" of a note written down before the kiosk died: the note just raised
     * again from memory (a new STACK only ever follows the acknowledgement of the last note). Logged.
     */
    public boolean stackedBeforeTheRestart() {
        if (pendingAtStart) {
            log.warn("the device still reports the note stacked before the restart; already raised from memory");
        }
        return pendingAtStart;
    }

    /**
     * The device says a note is stacked without saying which (a bill type before the table was read, a VEND VALID for
     * a note never seen in escrow). When we died after STACK, it is the note remembered with it; otherwise it is raised
     * as a note of unknown amount in the stacker.
     *
     * @param forget  runs when the disk would not take it, so the machine hears the report again
     * @param unknown logged when nothing explains the note
     */
    public void stackedUnvalued(Runnable forget, String unknown) throws DeviceException {
        if (stackedBeforeTheRestart()) {
            return;
        }
        Optional<PendingNotes.Note> intent = pending.stacking();
        if (intent.isPresent()) {
            if (!resolveStacking(true)) {
                forget.run();
                throw new DeviceException(DeviceException.Code.FAILURE, "cannot record stacked note");
            }
            emit.accept(new BillEvent.Stacked(intent.get().amount(), intent.get().noteId(), intent.get().ref()));
            return;
        }
        log.error("{}: raised as a note of unknown amount in the stacker", unknown);
        emit.accept(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, null, pending.newId()));
    }

    /**
     * The device reported a power-up (CCNET 0x10-0x12, ID003 0x40-0x42), with a note where {@code where} says. A note
     * in the stacker is named by {@link PendingNotes#nameNoteInStacker}: the note of the STACK the power cut, or, when
     * an earlier life already named this same report and died before its RESET reached the device, that note again
     * under the same id (the journal keys notes by id, so it is credited once). Only a report nothing explains is
     * raised with amount unknown. The caller re-initializes (RESET) the device.
     */
    public void poweredUp(BillEvent.PowerUpWithBill.Location where) {
        if (where == BillEvent.PowerUpWithBill.Location.STACKER) {
            Optional<PendingNotes.Note> note;
            try {
                note = pending.nameNoteInStacker();
            } catch (IOException e) {
                log.error("could not record the note in the stacker: raised with amount unknown", e);
                emit.accept(new BillEvent.PowerUpWithBill(where, null,
                        pending.stacking().map(PendingNotes.Note::noteId).orElseGet(pending::newId)));
                return;
            }
            if (note.isPresent()) {
                log.warn("power-up with a bill in the stacker: the note stacked last, {} as {}",
                        note.get().amount().plain(), note.get().noteId());
                emit.accept(new BillEvent.PowerUpWithBill(where, note.get().amount(), note.get().noteId(),
                        note.get().ref()));
            } else {
                log.error("power-up with a bill in the stacker that no STACK explains: raised with amount unknown");
                emit.accept(new BillEvent.PowerUpWithBill(where, null, pending.newId()));
            }
        } else if (where != null) {
            resolveStacking(false);
            emit.accept(new BillEvent.PowerUpWithBill(where, null, pending.newId()));
        }
    }

    /** The device took our RESET: whatever it reported at power-up is over (see {@link #poweredUp}). */
    void resetAccepted() {
        pending.stackerReportCleared();
    }
}
