package org.topupkiosk.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/** A port-level test double: records what the flow commands and lets the test raise device events. */
final class FakeBillAcceptor implements BillAcceptor {

    final List<String> commands = new ArrayList<>();
    final List<String> acknowledged = new ArrayList<>();
    /** What each {@code stack(ref)} was for, in order (null for a plain stack()). */
    final List<String> stackedFor = new ArrayList<>();
    /** A command that throws the next time it is called (a driver bug), then works again. */
    String failOnce;
    Set<?> enabled = Set.of();
    private Listener listener;

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    void raise(BillEvent event) {
        listener.onBillEvent(event);
    }

    @Override
    public synchronized void enable(Set<Money> denominations) {
        enabled = denominations;
        commands.add("enable");
    }

    private void maybeFail(String command) {
        if (command.equals(failOnce)) {
            failOnce = null;
            throw new IllegalStateException("test: " + command + " failed");
        }
    }

    @Override
    public synchronized void disable() {
        maybeFail("disable");
        enabled = Set.of();
        commands.add("disable");
    }

    @Override
    public synchronized void stack() {
        stack(null);
    }

    @Override
    public synchronized void stack(String ref) {
        maybeFail("stack");
        stackedFor.add(ref);
        commands.add("stack");
    }

    @Override
    public synchronized void returnBill() {
        commands.add("return");
    }

    @Override
    public synchronized void acknowledge(String noteId) {
        acknowledged.add(noteId);
    }

    synchronized String lastCommand() {
        return commands.isEmpty() ? null : commands.get(commands.size() - 1);
    }

    @Override
    public DeviceHealth checkHealth() {
        return new DeviceHealth("fake", DeviceHealth.State.OK, "test");
    }

    @Override
    public void close() {
    }
}
