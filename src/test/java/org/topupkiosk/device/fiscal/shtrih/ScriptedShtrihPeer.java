package org.topupkiosk.device.fiscal.shtrih;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.MemoryLink;

/**
 * The register's end of a {@link MemoryLink} for link tests: the Shtrih-M device side (ENQ answered NAK when idle and
 * ACK when an answer waits; a command frame ACKed, then answered; the host's NAK keeps the answer for the next ENQ),
 * with knobs to misbehave: NAK the next frames, stay silent to ENQ, damage answers, never answer, hold a stale answer.
 * Everything the host wrote is recorded.
 */
public final class ScriptedShtrihPeer implements AutoCloseable {

    volatile int nakFrames;
    volatile int ignoreEnq;
    volatile int damageAnswers;
    /** Answers sent with a byte missing (a byte lost on the line): the host must not wait out the command's timeout. */
    volatile int shortAnswers;
    volatile boolean neverAnswer;
    volatile ShtrihCommand silentFor;
    volatile int answerDelayMs;
    final List<ShtrihRequest> requests = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream hostBytes = new ByteArrayOutputStream();

    private final MemoryLink device;
    private final Function<ShtrihRequest, ShtrihAnswer> handler;
    private final Thread thread;
    private volatile boolean running = true;
    private ShtrihAnswer pendingAnswer;

    public ScriptedShtrihPeer(MemoryLink device, Function<ShtrihRequest, ShtrihAnswer> handler) {
        this.device = device;
        this.handler = handler;
        device.open();
        thread = new Thread(this::run, "scripted-shtrih");
        thread.setDaemon(true);
        thread.start();
    }

    /** An answer waiting from before, as after a host that crashed between command and answer. */
    synchronized void holdStale(ShtrihAnswer stale) {
        pendingAnswer = stale;
    }

    synchronized byte[] hostBytes() {
        return hostBytes.toByteArray();
    }

    private void run() {
        ShtrihDecoder decoder = new ShtrihDecoder();
        byte[] buf = new byte[512];
        try {
            while (running) {
                int n = device.read(buf, 50);
                if (n == 0) {
                    continue;
                }
                synchronized (this) {
                    hostBytes.write(buf, 0, n);
                }
                for (ShtrihDecoder.Event e : decoder.feed(buf, n)) {
                    handle(e);
                }
            }
        } catch (DeviceException | InterruptedException e) {
            // the host side closed
        }
    }

    private void handle(ShtrihDecoder.Event e) throws DeviceException, InterruptedException {
        if (e instanceof ShtrihDecoder.Event.Control c) {
            if (c.value() == ShtrihFrame.ENQ) {
                if (ignoreEnq > 0) {
                    ignoreEnq--;
                    return;
                }
                ShtrihAnswer waiting;
                synchronized (this) {
                    waiting = pendingAnswer;
                }
                if (waiting == null) {
                    device.write(new byte[] {ShtrihFrame.NAK});
                } else {
                    device.write(new byte[] {ShtrihFrame.ACK});
                    send(waiting);
                }
            } else if (c.value() == ShtrihFrame.ACK) {
                synchronized (this) {
                    pendingAnswer = null;
                }
            }
        } else if (e instanceof ShtrihDecoder.Event.BadLrc) {
            device.write(new byte[] {ShtrihFrame.NAK});
        } else if (e instanceof ShtrihDecoder.Event.Frame f) {
            if (nakFrames > 0) {
                nakFrames--;
                device.write(new byte[] {ShtrihFrame.NAK});
                return;
            }
            device.write(new byte[] {ShtrihFrame.ACK});
            ShtrihRequest req = ShtrihRequest.decode(f.frame());
            requests.add(req);
            if (neverAnswer || req.command() == silentFor) {
                return;
            }
            ShtrihAnswer answer = handler.apply(req);
            synchronized (this) {
                pendingAnswer = answer;
            }
            if (answerDelayMs > 0) {
                Thread.sleep(answerDelayMs);
            }
            send(answer);
        }
    }

    private void send(ShtrihAnswer answer) throws DeviceException {
        byte[] wire = answer.frame().encode();
        if (damageAnswers > 0) {
            damageAnswers--;
            wire[wire.length - 1] ^= 0x5A;
        }
        if (shortAnswers > 0) {
            shortAnswers--;
            wire = Arrays.copyOf(wire, wire.length - 1);
        }
        device.write(wire);
    }

    @Override
    public void close() {
        running = false;
        device.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
