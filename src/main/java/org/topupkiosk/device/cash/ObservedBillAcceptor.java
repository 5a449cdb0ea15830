package org.topupkiosk.device.cash;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Money;

/**
 * A bill acceptor whose events can also be watched, by the service menu's device test, while the flow stays its one
 * listener and the one that decides (stack or return). Watchers only see; they must not block.
 */
public final class ObservedBillAcceptor implements BillAcceptor, AcceptorIdentity {

    private static final Logger log = LoggerFactory.getLogger(ObservedBillAcceptor.class);

    private final BillAcceptor device;
    private final List<Listener> watchers = new CopyOnWriteArrayList<>();

    public ObservedBillAcceptor(BillAcceptor device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    /** Starts showing events to {@code watcher} too; closing the handle stops it. */
    public AutoCloseable watch(Listener watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    @Override
    public void start(Listener listener) {
        device.start(event -> {
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

    @Override
    public void enable(Set<Money> denominations) {
        device.enable(denominations);
    }

    @Override
    public void disable() {
        device.disable();
    }

    @Override
    public void stack() {
        device.stack();
    }

    @Override
    public void returnBill() {
        device.returnBill();
    }

    @Override
    public void acknowledge(String noteId) {
        device.acknowledge(noteId);
    }

    @Override
    public DeviceHealth checkHealth() {
        return device.checkHealth();
    }

    /** The acceptor watched (the driver, or the cash-box guard in front of it). */
    public BillAcceptor device() {
        return device;
    }

    @Override
    public Optional<Identity> identity() {
        return device instanceof AcceptorIdentity id ? id.identity() : Optional.empty();
    }

    @Override
    public List<Money> denominations() {
        return device instanceof AcceptorIdentity id ? id.denominations() : List.of();
    }

    @Override
    public void close() {
        device.close();
    }
}
