package org.topupkiosk.flow.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production flow thread: one daemon thread, tasks in order. A task that fails is not forgotten: the failure goes
 * to the thread's uncaught-exception policy (the process's default handler, which the kiosk sets: an exception takes
 * the kiosk out of service, an {@link Error} ends the process for its supervisor to restart), and the thread goes on
 * with the next task until then.
 */
public final class ThreadFlowExecutor implements FlowExecutor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThreadFlowExecutor.class);

    private final ScheduledExecutorService executor;

    /** The flow thread under the process's uncaught-exception policy (the default handler). */
    public ThreadFlowExecutor() {
        this(null);
    }

    /** @param policy the flow thread's own uncaught-exception policy, or null for the process's default handler */
    public ThreadFlowExecutor(Thread.UncaughtExceptionHandler policy) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flow");
            t.setDaemon(true);
            if (policy != null) {
                t.setUncaughtExceptionHandler(policy);
            }
            return t;
        });
    }

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
            } catch (RuntimeException | Error e) {
                Thread me = Thread.currentThread();
                Thread.UncaughtExceptionHandler policy = me.getUncaughtExceptionHandler();
                log.error("flow task failed; handed to the uncaught-exception policy {}", policy, e);
                try {
                    policy.uncaughtException(me, e);
                } catch (RuntimeException again) {
                    log.error("the uncaught-exception policy failed", again);
                }
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
