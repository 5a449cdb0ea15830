package org.topupkiosk.device.gpio;

/** What the cabinet's switches report, after debouncing. Past tense: these things have happened. */
public sealed interface CabinetEvent {

    record DoorOpened() implements CabinetEvent {}

    record DoorClosed() implements CabinetEvent {}

    record CashBoxRemoved() implements CabinetEvent {}

    record CashBoxInserted() implements CabinetEvent {}

    /** The journal's name for the event ({@code door_opened} ...). */
    static String kind(CabinetEvent e) {
        if (e instanceof DoorOpened) {
            return "door_opened";
        } else if (e instanceof DoorClosed) {
            return "door_closed";
        } else if (e instanceof CashBoxRemoved) {
            return "cash_box_removed";
        }
        return "cash_box_inserted";
    }
}
