package org.topupkiosk.device.emulator.sim;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.device.sim.SimCardReader;
import org.topupkiosk.device.sim.SimEvent;

/** A listener that queues a reader's events so a test can wait for the next one of a kind. */
final class SimEvents implements SimCardReader.Listener {

    private final LinkedBlockingQueue<SimEvent> queue = new LinkedBlockingQueue<>();

    @Override
    public void onSimEvent(SimEvent event) {
        queue.add(event);
    }

    /** The next event, which must be of {@code type}, within {@code seconds}. */
    <T extends SimEvent> T next(Class<T> type, long seconds) throws InterruptedException {
        SimEvent e = queue.poll(seconds, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no " + type.getSimpleName() + " event within " + seconds + " s");
        }
        if (!type.isInstance(e)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + e);
        }
        return type.cast(e);
    }

    SimEvent poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }
}
