package org.topupkiosk.device.sim;

/** What a {@link SimCardReader} reports, on its own thread. Past tense: these have happened. */
public sealed interface SimEvent permits SimEvent.Inserted, SimEvent.Removed, SimEvent.Read, SimEvent.ReadFailed {

    String reader();

    /** A card went into the slot. */
    record Inserted(String reader) implements SimEvent {}

    /** The slot is empty again. */
    record Removed(String reader) implements SimEvent {}

    /** The card was read. The reader is disarmed now until {@link SimCardReader#enable()}. */
    record Read(String reader, SimIdentity identity) implements SimEvent {}

    /** Reading the card failed; {@code error.code().messageKey()} is what to tell the customer. Still armed. */
    record ReadFailed(String reader, SimException error) implements SimEvent {}
}
