package org.topupkiosk.flow.counter;

import java.util.function.Consumer;

/** What the counter's screen sees of its flow: the newest snapshot, a stream of them, and a way to send commands. */
public interface CounterTerminal {

    /** Posts a command to the counter's thread; returns at once. */
    void submit(CounterCommand command);

    CounterSnapshot current();

    /** Calls the listener (on the counter's thread) with every new snapshot; close the handle to stop. */
    AutoCloseable subscribe(Consumer<CounterSnapshot> listener);
}
