package org.topupkiosk.flow.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The flow thread for tests: tasks run when the test says so, and time moves only through {@link #advance}, so every
 * timeout is exercised in microseconds. Other threads (printer, device emulators) may post tasks; they queue safely.
 */
public final class ManualFlowExecutor implements FlowExecutor {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<Scheduled> timers = new ArrayList<>();
    private long nowMs;

    private static final class Scheduled implements Timer {
        final long dueMs;
        final Runnable task;
        boolean cancelled;

        Scheduled(long dueMs, Runnable task) {
            this.dueMs = dueMs;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
    }

    @Override
    public synchronized Timer schedule(Runnable task, Duration delay) {
        Scheduled s = new Scheduled(nowMs + delay.toMillis(), task);
        timers.add(s);
        return s;
    }

    /** Runs queued tasks (and what they queue) until none is left. */
    public void runPending() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Moves virtual time forward, firing due timers in order, running queued tasks between them. */
    public void advance(Duration d) {
        long target = nowMs + d.toMillis();
        runPending();
        while (true) {
            Scheduled due;
            synchronized (this) {
                due = timers.stream().filter(t -> !t.cancelled && t.dueMs <= target)
                        .min(Comparator.comparingLong(t -> t.dueMs)).orElse(null);
                if (due != null) {
                    timers.remove(due);
                    nowMs = Math.max(nowMs, due.dueMs);
                }
            }
            if (due == null) {
                break;
            }
            due.task.run();
            runPending();
        }
        synchronized (this) {
            nowMs = target;
            timers.removeIf(t -> t.cancelled);
        }
    }
}
