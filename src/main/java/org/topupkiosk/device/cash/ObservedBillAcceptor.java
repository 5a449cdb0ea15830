package org.topupkiosk.device.cash;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bill acceptor whose events can also be watched, by the service menu's device test, while the flow stays its one
 * listener and the one that decides (stack or return). Watchers only see; they must not block.
 */
public final class ObservedBillAcceptor extends BillAcceptorWrapper {

    private static final Logger log = LoggerFactory.getLogger(ObservedBillAcceptor.class);

    private final List<Listener> watchers = new CopyOnWriteArrayList<>();

    public ObservedBillAcceptor(BillAcceptor device) {
        super(device);
    }

    /** Starts showing events to {@code watcher} too; closing the handle stops it. */
    public AutoCloseable watch(Listener watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    @Override
    public void start(Listener listener) {
        inner.start(event -> {
            listener.onBillEvent(event);
            for (Listener w : watchers) {
                try {
                    w.onBillEvent(event);
                } catch (RuntimeException e) {
                    log.warn("bill event watcher failed", e);
                }
            }
        });
    }

    /** The acceptor watched (the driver, or the cash-box guard in front of it). */
    public BillAcceptor device() {
        return inner;
    }
}
