package org.topupkiosk.flow.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest snapshot of a flow and who listens for the next: the kiosk's and the counter's screens subscribe here. The
 * flow thread publishes; any thread may read the latest. A listener that throws is logged and the others still hear.
 */
public final class SnapshotListeners<S> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotListeners.class);

    private final String name;
    private final List<Consumer<S>> listeners = new CopyOnWriteArrayList<>();
    private volatile S current;

    /** {@code name} says whose snapshots these are in the log. */
    public SnapshotListeners(String name, S first) {
        this.name = name;
        this.current = first;
    }

    public S current() {
        return current;
    }

    /** Adds {@code listener} and gives it the latest snapshot at once; closing the handle removes it. */
    public AutoCloseable subscribe(Consumer<S> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }

    /** Makes {@code next} the latest and hands it to every listener. */
    public void publish(S next) {
        current = next;
        for (Consumer<S> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.error("{} snapshot listener failed", name, e);
            }
        }
    }
}
