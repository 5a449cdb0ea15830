package org.topupkiosk.device.cash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceLifecycle;
import org.topupkiosk.device.DeviceThreads;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The thread side of a polled bill acceptor: one poller thread owns the line and runs the queued commands in the order
 * they came, between passes; events go out after each pass; failed exchanges are counted the same way for every
 * protocol, so the device is reported offline once (and recovered once). {@link PolledBillAcceptor} says what a pass
 * does.
 */
public abstract class BillPoller {

    private static final Logger log = LoggerFactory.getLogger(BillPoller.class);
    protected static final String DEVICE = "bill-acceptor";
    /** Consecutive failed exchanges before the device counts as offline (one is line noise). */
    private static final int OFFLINE_AFTER = 3;

    protected final String protocol;
    protected final SerialLink port;
    protected final PollSettings settings;
    protected final DeviceLifecycle life = new DeviceLifecycle(DEVICE);
    protected final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final List<BillEvent> outbox = new ArrayList<>();

    private volatile BillAcceptor.Listener listener;
    private volatile Thread poller;
    private volatile boolean running;
    /** False until first contact succeeded, and again once the line was lost: the next pass starts over. */
    protected boolean initialized;
    private int failures;
    private boolean offlineReported;

    BillPoller(String protocol, SerialLink port, PollSettings settings) {
        this.protocol = protocol;
        this.port = port;
        this.settings = settings;
    }

    /** Runs once on the poller thread before the first pass. */
    protected abstract void beforeFirstPass();

    /** One pass: first contact when needed, the queued commands, one poll. */
    protected abstract void pass() throws DeviceException;

    /** Opens and claims the device and starts the poller thread. */
    protected final synchronized void startPolling(BillAcceptor.Listener l) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = l;
        life.openAndClaim();
        running = true;
        poller = DeviceThreads.startDaemon(protocol + "-poller", this::run);
    }

    private void run() {
        beforeFirstPass();
        flush();
        while (running) {
            try {
                pass();
                online();
            } catch (DeviceException e) {
                trouble(e);
            } catch (RuntimeException e) {
                // A driver bug on the money device is not logged and forgotten: the process's uncaught-exception
                // policy takes the kiosk out of service (acceptor disabled, through this thread, which goes on).
                log.error("{} poller: unexpected error, handed to the uncaught-exception policy", protocol, e);
                Thread me = Thread.currentThread();
                try {
                    me.getUncaughtExceptionHandler().uncaughtException(me, e);
                } catch (RuntimeException again) {
                    log.error("{} poller: the uncaught-exception policy failed", protocol, again);
                }
            }
            flush();
            waitForWork();
        }
    }

    /** Runs the queued commands, in order. */
    protected final void runCommands() {
        Runnable c;
        while ((c = commands.poll()) != null) {
            c.run();
        }
    }

    /** Runs a protocol command from the queue; a failure counts towards offline like any exchange. */
    protected final void send(Exchange exchange, String what) {
        try {
            exchange.run();
        } catch (DeviceException e) {
            log.warn("{} {} failed: {}", protocol, what, e.getMessage());
            trouble(e);
        }
    }

    @FunctionalInterface
    protected interface Exchange {
        void run() throws DeviceException;
    }

    private void online() {
        failures = 0;
        life.power(DeviceLifecycle.Power.ONLINE);
        if (offlineReported) {
            offlineReported = false;
            emit(new BillEvent.Recovered());
        }
    }

    protected final void trouble(DeviceException e) {
        if (!running) {
            return; // closing: the interrupted read is ours
        }
        failures++;
        if (e.code() == DeviceException.Code.OFFLINE || failures >= OFFLINE_AFTER) {
            life.power(DeviceLifecycle.Power.OFFLINE);
            initialized = false;
            if (!offlineReported) {
                offlineReported = true;
                log.error("bill acceptor offline on {}: {}", port.name(), e.getMessage());
                emit(new BillEvent.Fault("offline", true));
            }
        } else {
            log.debug("{} exchange failed ({}): {}", protocol, failures, e.getMessage());
        }
    }

    /** Reported offline, or the line is known to be down. */
    protected final boolean offline() {
        return offlineReported || life.power() == DeviceLifecycle.Power.OFFLINE;
    }

    private void waitForWork() {
        long ms = offlineReported ? 1000
                : (life.isEnabled() ? settings.pollWhileEnabled() : settings.pollWhileDisabled()).toMillis();
        try {
            Runnable c = commands.poll(ms, TimeUnit.MILLISECONDS);
            if (c != null) {
                c.run(); // it was the head of the queue; the rest run at the top of the loop, in order
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    protected final void emit(BillEvent e) {
        outbox.add(e);
    }

    private void flush() {
        BillAcceptor.Listener l = listener;
        for (BillEvent e : outbox) {
            if (l != null) {
                l.onBillEvent(e);
            }
        }
        outbox.clear();
    }

    /** Stops the poller, then releases the device and the line. */
    public void close() {
        running = false;
        DeviceThreads.stop(poller, 2000);
        life.release();
        life.close();
        port.close();
    }
}
