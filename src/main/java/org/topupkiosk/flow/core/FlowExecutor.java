package org.topupkiosk.flow.core;

import java.time.Duration;

/**
 * The one thread that owns the flow, and its timers. Production runs a single-threaded scheduler; tests run a manual
 * one with virtual time, so every timeout is tested without waiting.
 */
public interface FlowExecutor {

    void execute(Runnable task);

    Timer schedule(Runnable task, Duration delay);

    interface Timer {
        void cancel();
    }
}
