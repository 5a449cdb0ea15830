package org.topupkiosk.device.emulator.printer;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer's answers on their way back: each reaches the host {@code delay} after the byte that asked for it arrived,
 * in order, as from a printer that takes a moment to work through its receive buffer. Without it the emulator answers
 * on the writing thread, before the driver's write returns, which no wire does.
 */
final class DelayedReplies implements Consumer<byte[]> {

    private static final Logger log = LoggerFactory.getLogger(DelayedReplies.class);

    private record Due(long atNanos, byte[] bytes) {}

    private final Consumer<byte[]> target;
    private final long delayNanos;
    private final BlockingQueue<Due> queue = new LinkedBlockingQueue<>();

    DelayedReplies(Consumer<byte[]> target, Duration delay) {
        this.target = target;
        this.delayNanos = delay.toNanos();
        Thread t = new Thread(this::run, "printer-emulator-replies");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void accept(byte[] bytes) {
        queue.add(new Due(System.nanoTime() + delayNanos, bytes.clone()));
    }

    private void run() {
        try {
            while (true) {
                Due d = queue.take();
                long wait = d.atNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                try {
                    target.accept(d.bytes());
                } catch (RuntimeException e) {
                    log.debug("emulated printer answer not delivered: {}", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
