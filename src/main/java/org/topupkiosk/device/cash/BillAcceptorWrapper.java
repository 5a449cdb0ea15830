package org.topupkiosk.device.cash;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Money;

/**
 * A bill acceptor in front of another one (the service menu's watcher, the cabinet's cash-box guard): everything goes
 * to the acceptor behind it, which still names itself; a subclass overrides only what it adds.
 */
public abstract class BillAcceptorWrapper implements BillAcceptor, AcceptorIdentity {

    protected final BillAcceptor inner;

    protected BillAcceptorWrapper(BillAcceptor inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public void start(Listener listener) {
        inner.start(listener);
    }

    @Override
    public void enable(Set<Money> denominations) {
        inner.enable(denominations);
    }

    @Override
    public void disable() {
        inner.disable();
    }

    @Override
    public void stack() {
        inner.stack();
    }

    @Override
    public void stack(String ref) {
        inner.stack(ref);
    }

    @Override
    public void returnBill() {
        inner.returnBill();
    }

    @Override
    public void acknowledge(String noteId) {
        inner.acknowledge(noteId);
    }

    @Override
    public DeviceHealth checkHealth() {
        return inner.checkHealth();
    }

    /** The unit behind names itself (service menu device test, kioskctl). */
    @Override
    public Optional<Identity> identity() {
        return inner instanceof AcceptorIdentity id ? id.identity() : Optional.empty();
    }

    @Override
    public List<Money> denominations() {
        return inner instanceof AcceptorIdentity id ? id.denominations() : List.of();
    }

    @Override
    public void close() {
        inner.close();
    }
}
