package org.topupkiosk.device.sim;

/**
 * One card slot as the reader's watcher sees it: wait for a card to come or go, connect to it, let it go.
 * {@link PcscCardSlot} is a PC/SC reader; the virtual SIM's memory slot is another (simulation without pcscd).
 */
public interface CardSlot {

    /** The reader's name ("Virtual PCD 00 00"); may ask the system, so it can fail like the waits. */
    String name() throws SimException;

    /** True as soon as a card is present, false when {@code timeoutMs} passed without one. */
    boolean waitForPresent(long timeoutMs) throws SimException;

    /** True as soon as the slot is empty, false when {@code timeoutMs} passed with the card still in. */
    boolean waitForAbsent(long timeoutMs) throws SimException;

    /** A channel to the card now in the slot; NO_CARD when there is none. */
    ApduChannel connect() throws SimException;

    /** Drops the connection from {@link #connect()}, if any. Never throws; may be called from another thread. */
    void disconnect();

    /**
     * Drops the one connection {@code channel} from {@link #connect()} and no newer one: a read that timed out must
     * not close the connection of the card that went in after it. Never throws; may be called from another thread.
     */
    default void disconnect(ApduChannel channel) {
        disconnect();
    }
}
