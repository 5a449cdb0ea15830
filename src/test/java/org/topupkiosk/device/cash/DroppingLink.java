package org.topupkiosk.device.cash;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.SerialLink;

/**
 * A host-side link that never delivers one exact frame: the kiosk that wrote it died before it reached the device.
 * Everything else passes, and so does that frame until {@link #dropFromNowOn()}. Lets a test stop a driver's life at a chosen command without timing luck.
 */
public final class DroppingLink implements SerialLink {

    private final SerialLink inner;
    private final byte[] dropped;
    private final AtomicInteger drops = new AtomicInteger();
    private volatile boolean armed;

    public DroppingLink(SerialLink inner, byte[] dropped) {
        this.inner = inner;
        this.dropped = dropped.clone();
    }

    /** From now on the frame is swallowed (before this it passes, so the device can be set up normally). */
    public void dropFromNowOn() {
        armed = true;
    }

    /** How many times the frame was written (and swallowed). */
    public int drops() {
        return drops.get();
    }

    @Override
    public void open() throws DeviceException {
        inner.open();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        if (armed && Arrays.equals(bytes, dropped)) {
            drops.incrementAndGet();
            return;
        }
        inner.write(bytes);
    }

    @Override
    public int read(byte[] buffer, int timeoutMs) throws DeviceException {
        return inner.read(buffer, timeoutMs);
    }

    @Override
    public void discardInput() throws DeviceException {
        inner.discardInput();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void close() {
        inner.close();
    }
}
