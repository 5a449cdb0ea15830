package org.topupkiosk.device.sim;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.sim.SimException.Code;

/**
 * One card read with a deadline, for {@link SimSlotReader}: each read runs on its own daemon thread, since a mute card
 * can hold a native transmit forever. On the deadline the read is given up and its own connection let go of on
 * another thread; a read whose connection went stale is tried once more on a fresh one.
 */
final class TimedCardRead {

    private static final Logger log = LoggerFactory.getLogger(TimedCardRead.class);
    /** Before the one retry on a spoilt connection: lets the reader settle after a quick swap or a bounce. */
    private static final long RETRY_SETTLE_MS = 300;

    private final CardSlot slot;
    private final AtomicInteger readThreads = new AtomicInteger();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sim-read-" + readThreads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    TimedCardRead(CardSlot slot) {
        this.slot = slot;
    }

    /** Reads the card in the slot, or reports MUTE once {@code timeout} has passed, whatever the read thread does. */
    SimIdentity read(Duration timeout) throws SimException {
        AtomicReference<ApduChannel> open = new AtomicReference<>();
        Future<SimIdentity> f = readers.submit(() -> readWithOneRetry(open));
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The read thread may be stuck in a native transmit, and a PC/SC disconnect would wait behind it: let go
            // of this read's own connection (never a newer card's) on another thread and report now.
            f.cancel(true);
            releaseLater(open);
            throw new SimException(Code.MUTE, "the card did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SimException se) {
                throw se;
            }
            throw new SimException(Code.TRANSPORT, "reading the card failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            releaseLater(open);
            Thread.currentThread().interrupt();
            throw new SimException(Code.TRANSPORT, "interrupted while reading the card", e);
        }
    }

    /**
     * One read; when its connection went bad (the card was swapped or reset just as we connected, pcscd still showed
     * the previous card), once more on a fresh connection if a card is in the slot after a short settle. A second
     * failure reports the first error, which says what happened to the customer's card.
     */
    private SimIdentity readWithOneRetry(AtomicReference<ApduChannel> open) throws SimException {
        try {
            return readOnce(open);
        } catch (SimException first) {
            if (!retryable(first)) {
                throw first;
            }
            try {
                Thread.sleep(RETRY_SETTLE_MS);
                if (!slot.waitForPresent(1)) {
                    throw first;
                }
                log.info("sim read retried on a fresh connection after code={} detail={}", first.code(),
                        first.getMessage());
                return readOnce(open);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            } catch (SimException second) {
                first.addSuppressed(second);
                throw first;
            }
        }
    }

    private static boolean retryable(SimException e) {
        return (e.code() == Code.TRANSPORT || e.code() == Code.CARD_REMOVED) && PcscCardSlot.staleConnection(e);
    }

    private SimIdentity readOnce(AtomicReference<ApduChannel> open) throws SimException {
        ApduChannel ch = slot.connect();
        open.set(ch);
        try {
            return new SimCardSession(ch).read();
        } finally {
            open.compareAndSet(ch, null);
            slot.disconnect(ch);
        }
    }

    private void releaseLater(AtomicReference<ApduChannel> open) {
        ApduChannel ch = open.get();
        if (ch != null) {
            readers.execute(() -> slot.disconnect(ch));
        }
    }

    /** Stops the read threads (a stuck one ends when the card is pulled). */
    void shutdown() {
        readers.shutdownNow();
    }
}
