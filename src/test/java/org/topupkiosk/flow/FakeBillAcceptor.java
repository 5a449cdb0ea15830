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

    @Override
    public synchronized void disable() {
        enabled = Set.of();
        commands.add("disable");
    }

    @Override
    public synchronized void stack() {
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
