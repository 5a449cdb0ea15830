package org.topupkiosk.flow;

import org.topupkiosk.device.emulator.sim.MemoryCardSlot;
import org.topupkiosk.device.emulator.sim.SimInserter;
import org.topupkiosk.device.sim.CardSlot;

/** {@link FindMyNumberReaderCases} through the memory slot simulation uses when pcscd is absent. */
class FindMyNumberMemorySlotTest extends FindMyNumberReaderCases {

    private final MemoryCardSlot slot = new MemoryCardSlot();

    @Override
    CardSlot slot() {
        return slot;
    }

    @Override
    SimInserter hand() {
        return slot;
    }
}
