package org.topupkiosk.flow.core;

import java.util.Optional;
import org.topupkiosk.device.sim.SimException;

/**
 * The flow's handle on the SIM card reader, like {@link ScannerControl}: it arms the reader on the screens that take a
 * card and disarms it elsewhere. An armed reader reads the card in the slot, or the next one inserted, once, and then
 * disarms itself; the readings come back as {@link org.topupkiosk.device.sim.SimEvent}s through
 * {@link TopUpFlow#simEvent}. Called on the flow thread only. {@link #NONE} for a kiosk without a reader.
 */
public interface SimControl {

    /** Arms the reader. Arming re-reads a card already in the slot, so the flow calls it on a change only. */
    void arm();

    void disarm();

    /** Why no card can be read now (pcscd down, reader unplugged); empty while the reader works. */
    Optional<SimException.Code> unavailable();

    /** No reader at all: every look-up ends in "type the number instead". */
    SimControl NONE = new SimControl() {
        @Override
        public void arm() {}

        @Override
        public void disarm() {}

        @Override
        public Optional<SimException.Code> unavailable() {
            return Optional.of(SimException.Code.NO_READER);
        }
    };
}
