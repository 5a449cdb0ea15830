package org.topupkiosk.flow.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production flow thread: one daemon thread, tasks in order, failures logged and survived. */
public final class ThreadFlowExecutor implements FlowExecutor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThreadFlowExecutor.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flow");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code task} on the flow thread. After {@link #close()} a late tap, timer or device event is dropped with a
     * log line: the kiosk is stopping and everything that counts is already in the journal, which the next start
     * resumes from. It must not throw into the caller (the JavaFX thread, a device poller).
     */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            dropped(e);
        }
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            dropped(e);
            return () -> { };
        }
    }

    private void dropped(RejectedExecutionException e) {
        if (!executor.isShutdown()) {
            throw e;
        }
        log.info("flow stopped: a late task was dropped");
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("flow task failed; the flow goes on", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
