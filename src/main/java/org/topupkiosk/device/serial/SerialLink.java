package org.topupkiosk.device.serial;

import org.topupkiosk.device.DeviceException;

/**
 * A byte pipe to one device: a serial port, a pseudo-terminal, or one end of an in-memory pair. Protocol code above it
 * knows nothing of which. Reads wait at most the given time; a port that went away (USB unplugged) raises
 * {@code OFFLINE}, and the next call tries to open it again, so a driver just keeps calling.
 */
public interface SerialLink extends AutoCloseable {

    /** Opens the port if it is not open; {@code OFFLINE} when it does not exist (yet) or cannot be opened. */
    void open() throws DeviceException;

    boolean isOpen();

    void write(byte[] bytes) throws DeviceException;

    /**
     * Reads what has arrived, waiting up to {@code timeoutMs} for the first byte.
     *
     * @return bytes read into {@code buffer} from 0, or 0 when nothing came in time
     */
    int read(byte[] buffer, int timeoutMs) throws DeviceException;

    /** Drops bytes that arrived but were not read: a late reply to a request we already gave up on. */
    void discardInput() throws DeviceException;

    /** Port path or a name for logs. */
    String name();

    @Override
    void close();
}
