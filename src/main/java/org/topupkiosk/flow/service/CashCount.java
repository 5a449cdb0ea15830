package org.topupkiosk.flow.service;

import java.time.Instant;
import java.util.List;
import org.topupkiosk.domain.Money;

/** A cash box count or an encashment: the notes by denomination, their total, and its id and time when journaled. */
public record CashCount(String id, Instant at, List<NoteRow> notes, Money total, int noteCount) {

    /** How many notes of one denomination, and what they come to. */
    public record NoteRow(Money note, int count, Money amount) {}

    public CashCount {
        notes = List.copyOf(notes);
    }
}
