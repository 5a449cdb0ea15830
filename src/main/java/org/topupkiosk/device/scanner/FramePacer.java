package org.topupkiosk.device.scanner;

import org.topupkiosk.device.DeviceThreads;

/** A frame source's pace: at most one frame per interval, waiting for the next one's time, never past the caller's. */
public final class FramePacer {

    private final long intervalMs;
    private long nextAtNanos;

    public FramePacer(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /**
     * Waits until the next frame is due.
     *
     * @return false when it is not due within {@code timeoutMs} (after waiting that long): no frame this time
     */
    public boolean awaitNext(long timeoutMs) {
        long wait = (nextAtNanos - System.nanoTime()) / 1_000_000L;
        if (wait > timeoutMs) {
            DeviceThreads.pause(timeoutMs);
            return false;
        }
        DeviceThreads.pause(wait);
        nextAtNanos = System.nanoTime() + intervalMs * 1_000_000L;
        return true;
    }
}
