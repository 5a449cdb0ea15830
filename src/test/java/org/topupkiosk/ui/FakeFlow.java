package org.topupkiosk.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.KioskFlow;

/** A flow that records what the UI sends and publishes whatever snapshot the test pushes. */
final class FakeFlow implements KioskFlow {

    final List<FlowCommand> commands = new CopyOnWriteArrayList<>();
    private final List<Consumer<FlowSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile FlowSnapshot current;

    FakeFlow(FlowSnapshot initial) {
        this.current = initial;
    }

    @Override
    public void submit(FlowCommand command) {
        commands.add(command);
    }

    @Override
    public FlowSnapshot current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<FlowSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Publishes {@code s} as the flow thread would: to every subscriber, on the caller's thread. */
    void push(FlowSnapshot s) {
        current = s;
        listeners.forEach(l -> l.accept(s));
    }

    int subscribers() {
        return listeners.size();
    }
}
