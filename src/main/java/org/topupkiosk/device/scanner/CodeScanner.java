package org.topupkiosk.device.scanner;

import java.util.function.Consumer;
import org.topupkiosk.device.DeviceHealth;

/**
 * A code scanner (UnifiedPOS "Scanner"): a serial scanner, a keyboard wedge or a camera. An input device in the
 * UnifiedPOS sense: it delivers ONE reading and then disarms itself until the flow calls {@link #arm()} again, so a
 * code held in front of a camera, or scanned twice by a nervous customer, is read once. Readings while disarmed are
 * dropped (and counted in the health detail).
 *
 * <p>Readings arrive on the driver's own thread (never the FX thread for the serial and camera drivers; the wedge
 * reads key events, so its readings come on the FX thread); the listener must not block: post to the flow.
 */
public interface CodeScanner extends AutoCloseable {

    /** Where readings go; set before {@link #start()}. */
    void setListener(Consumer<ScanReading> listener);

    /** Opens, claims and enables the device (DeviceLifecycle), and starts reading. Starts disarmed. */
    void start();

    /** Deliver the next reading. Idempotent. */
    void arm();

    /** Deliver nothing until {@link #arm()}; the device keeps reading (and dropping) so nothing queues up. */
    void disarm();

    boolean isArmed();

    DeviceHealth checkHealth();

    @Override
    void close();
}
