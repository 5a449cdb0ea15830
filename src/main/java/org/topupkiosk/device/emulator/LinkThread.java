package org.topupkiosk.device.emulator;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceThreads;
import org.topupkiosk.device.serial.SerialLink;

/**
 * How an emulated device answers on a serial line: from a daemon thread of its own, one link at a time, outliving the
 * link (the cable is pulled and put back, the kiosk dies and restarts). {@link #serve} starts a {@link Session} on a
 * link (stopping the one before); the thread opens the link and runs the session's steps until {@link #stop()}, which
 * interrupts it, closes the link and waits for it. A line error pauses 100 ms and tries again; an unexpected error is
 * logged and the device goes on, as a real one keeps answering.
 */
public final class LinkThread {

    private static final Logger log = LoggerFactory.getLogger(LinkThread.class);

    /** The protocol's side of one link: its state (a decoder, an answer waiting) lives as long as the link. */
    @FunctionalInterface
    public interface Session {

        /** Reads what arrived (waiting a little when nothing did) and answers it. */
        void step() throws DeviceException;
    }

    private final String name;
    private final Function<SerialLink, Session> sessions;
    private volatile SerialLink link;
    private volatile Thread thread;

    /**
     * @param name     the thread's name, and the device's in logs
     * @param sessions a fresh session for each link served
     */
    public LinkThread(String name, Function<SerialLink, Session> sessions) {
        this.name = name;
        this.sessions = sessions;
    }

    /** Answers on {@code port} from a thread of its own until {@link #stop()}. */
    public synchronized void serve(SerialLink port) {
        stop();
        link = port;
        Thread t = new Thread(() -> loop(port), name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops answering (the cable is pulled) and closes the link. */
    public synchronized void stop() {
        Thread t = thread;
        SerialLink l = link;
        thread = null;
        link = null;
        if (t != null) {
            t.interrupt();
            if (l != null) {
                l.close();
            }
            DeviceThreads.join(t, 2000);
        }
    }

    private void loop(SerialLink port) {
        Session session = sessions.apply(port);
        while (thread == Thread.currentThread()) {
            try {
                port.open();
                session.step();
            } catch (DeviceException e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                DeviceThreads.pause(100);
            } catch (RuntimeException e) {
                log.error("{}: unexpected error, going on", name, e);
            }
        }
    }
}
