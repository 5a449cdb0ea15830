package org.topupkiosk.device.emulator.sim;

import java.io.IOException;

/** The hand that puts a virtual SIM into a reader and takes it out: over vpcd, or straight into a memory slot. */
public interface SimInserter {

    /** Puts the card in (replacing any card there). */
    void insert(VirtualSimCard card, VirtualSimFaults faults) throws IOException;

    /** Takes the card out; nothing happens when the slot is empty. */
    void remove();

    boolean holdsCard();
}
