package org.topupkiosk.device.sim;

import java.time.Duration;
import java.util.Optional;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;

/**
 * A SIM card reader, UnifiedPOS style: {@link #start} opens and claims it and starts watching the slot; insert and
 * remove events come always, and a card is read only while the reader is enabled. An input device delivers one
 * reading and disarms: after a {@link SimEvent.Read} nothing more is read until {@link #enable()} re-arms it (if a
 * card is in the slot then, it is read at once). Events arrive on the reader's own thread; the listener must not block.
 */
public interface SimCardReader extends AutoCloseable {

    void start(Listener listener);

    /** Arms the reader: the card in the slot, or the next one inserted, is read once. */
    void enable() throws DeviceException;

    void disable() throws DeviceException;

    /** Reads the card in the slot now, whether enabled or not (the service tool); fails with NO_CARD on an empty slot. */
    SimIdentity readNow(Duration timeout) throws SimException;

    String name();

    DeviceHealth checkHealth();

    /**
     * Why the reader cannot read a card now (pcscd down, no reader), as found by its last look at the slot; empty when
     * it can, or when it has not looked yet. The watcher sends no event for this (no card is involved), so an
     * application waiting for a card asks.
     */
    default Optional<SimException.Code> unavailable() {
        return Optional.empty();
    }

    @Override
    void close();

    @FunctionalInterface
    interface Listener {
        void onSimEvent(SimEvent event);
    }
}
