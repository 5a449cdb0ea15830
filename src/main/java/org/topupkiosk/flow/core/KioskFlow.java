package org.topupkiosk.flow.core;

import java.util.function.Consumer;

/** What the UI sees of the flow: the newest snapshot, a stream of them, and a way to send commands. */
public interface KioskFlow {

    /** Posts a command to the flow thread; returns at once. */
    void submit(FlowCommand command);

    FlowSnapshot current();

    /** Calls the listener (on the flow thread) with every new snapshot; close the handle to stop. */
    AutoCloseable subscribe(Consumer<FlowSnapshot> listener);
}
