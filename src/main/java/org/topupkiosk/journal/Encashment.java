package org.topupkiosk.journal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.topupkiosk.domain.Money;

/**
 * The notes counted out of the cash box, as the journal holds them. {@code number} counts encashments from 1 and is
 * never reused; {@code throughCashEvent} is the last cash_events row this encashment took, so the next one starts after
 * it. {@code openCredits} is what was owed on credit vouchers at that moment (printed on the report). An encashment not
 * yet made (the count on the service screen) has {@code at} null and {@code number} of the next one.
 */
public record Encashment(int number, Instant at, String kioskId, List<NoteCount> notes, Money total,
                         Money openCredits, long throughCashEvent, String by) {

    /** So many notes of one denomination. */
    public record NoteCount(Money note, int count) {
        public Money amount() {
            return note.times(count);
        }
    }

    public Encashment {
        Objects.requireNonNull(kioskId, "kioskId");
        notes = List.copyOf(notes);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(openCredits, "openCredits");
    }

    public int noteCount() {
        return notes.stream().mapToInt(NoteCount::count).sum();
    }

    /** The printed id, {@code E-<kiosk>-<number>}: sortable and unique per kiosk. */
    public String id() {
        return String.format(Locale.ROOT, "E-%s-%04d", kioskId, number);
    }
}
