package org.topupkiosk.device.emulator;

import org.topupkiosk.domain.Money;

/**
 * What a person (or a test) can do to an emulated bill acceptor: the device panel, the scripted customer, the
 * self-test and the chaos harness feed notes through this, whichever protocol the emulator speaks.
 */
public interface NoteFeeder {

    /** The customer pushes a note into the slot. */
    void insert(Money note);

    /** The next note jams (or the idle validator reports a jam). */
    void jam();

    void cashBoxOut();

    /** The technician cleared the jam or put the cash box back. */
    void clearFault();
}
