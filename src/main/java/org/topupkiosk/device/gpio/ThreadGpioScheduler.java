package org.topupkiosk.device.gpio;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GpioScheduler} on one daemon thread; a failing task is logged and the thread goes on. */
public final class ThreadGpioScheduler implements GpioScheduler {

    private static final Logger log = LoggerFactory.getLogger(ThreadGpioScheduler.class);

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "gpio");
        t.setDaemon(true);
        return t;
    });

    public ThreadGpioScheduler() {
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Task schedule(Runnable task, long delayMs) {
        Runnable safe = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("gpio task failed", e);
            }
        };
        ScheduledFuture<?> f = executor.schedule(safe, delayMs, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
