package org.topupkiosk.device.fiscal.shtrih;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The Shtrih-M exchange over a byte pipe (a serial port, USB-CDC, a pty, a TCP socket): one command, one answer.
 * <ol>
 *   <li>ENQ. NAK means the register is ready for a command; ACK means it holds an answer not yet taken (from a
 *       command whose answer we lost), which is read, acknowledged and dropped; silence is retried, then OFFLINE.</li>
 *   <li>The command frame. ACK: it arrived. NAK: it arrived damaged, send again (up to {@code frameRetries}).
 *       Silence: ENQ again and act on what it says (ACK: it got the command; NAK: send it again).</li>
 *   <li>The answer, within the command's own timeout (a Z report takes seconds). A good LRC is acknowledged with ACK;
 *       a bad one with NAK, then ENQ asks for it again (up to {@code answerRetries}). No answer in time is TIMEOUT:
 *       the register may or may not have done the command.</li>
 * </ol>
 * Not thread-safe: the driver calls it from one thread (it synchronises its own calls).
 */
public final class ShtrihLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShtrihLink.class);

    /**
     * Line timing. {@code controlTimeoutMs}: how long to wait for ACK/NAK after ENQ or a frame; {@code byteTimeoutMs}:
     * the longest gap inside a frame before the partial frame is dropped.
     */
    public record Settings(int controlTimeoutMs, int byteTimeoutMs, int enqRetries, int frameRetries,
            int answerRetries) {

        public static final Settings DEFAULT = new Settings(1000, 500, 3, 3, 3);

        public Settings {
            if (controlTimeoutMs <= 0 || byteTimeoutMs <= 0 || enqRetries < 1 || frameRetries < 1
                    || answerRetries < 1) {
                throw new IllegalArgumentException("link settings out of range: " + controlTimeoutMs + "/"
                        + byteTimeoutMs + "/" + enqRetries + "/" + frameRetries + "/" + answerRetries);
            }
        }
    }

    private final SerialLink port;
    private final Settings settings;
    private final ShtrihDecoder decoder = new ShtrihDecoder();
    private final Deque<ShtrihDecoder.Event> pending = new ArrayDeque<>();
    /** The event {@link #next} just answered is the rest of a frame cut short (it stopped mid-way). */
    private boolean cutShortNow;
    private final byte[] buf = new byte[512];

    public ShtrihLink(SerialLink port, Settings settings) {
        this.port = port;
        this.settings = settings;
    }

    public String name() {
        return port.name();
    }

    /** Sends a command and answers the register's answer to it (which may be a refusal: see its error byte). */
    public ShtrihAnswer exchange(ShtrihRequest request) throws DeviceException {
        return exchange(request, request.command().timeoutMs);
    }

    public ShtrihAnswer exchange(ShtrihRequest request, int answerTimeoutMs) throws DeviceException {
        port.open();
        byte[] wire = request.frame().encode();
        enquire(true);
        int sends = 0;
        while (true) {
            if (++sends > settings.frameRetries()) {
                throw new DeviceException(DeviceException.Code.FAILURE, port.name() + ": " + request.command()
                        + " was not accepted after " + settings.frameRetries() + " tries (NAK or silence)");
            }
            port.write(wire);
            int control = control(settings.controlTimeoutMs());
            if (control == ShtrihFrame.ACK || control == ShtrihFrame.STX) {
                return answer(request.command(), answerTimeoutMs);
            }
            if (control == ShtrihFrame.NAK) {
                log.debug("{}: NAK for {}, sending again", port.name(), request.command());
                continue;
            }
            // Silence after the frame: ask whether it arrived. ACK: it did, and its answer follows.
            log.debug("{}: no ACK for {}, asking with ENQ", port.name(), request.command());
            if (!enquire(false)) {
                return answer(request.command(), answerTimeoutMs);
            }
        }
    }

    /**
     * ENQ until the register answers: NAK (it waits for a command) answers true; ACK answers false, except before the
     * command is sent ({@code beforeSend}), when an ACK announces a stale answer, which is read, acknowledged and
     * dropped before asking again.
     */
    private boolean enquire(boolean beforeSend) throws DeviceException {
        int stale = 0;
        for (int attempt = 1; attempt <= settings.enqRetries(); attempt++) {
            port.write(new byte[] {ShtrihFrame.ENQ});
            int control = control(settings.controlTimeoutMs());
            if (control == ShtrihFrame.NAK) {
                return true;
            }
            boolean answerPending = control == ShtrihFrame.ACK || control == ShtrihFrame.STX;
            if (answerPending && !beforeSend) {
                return false;
            }
            if (answerPending && stale++ < settings.answerRetries()) {
                dropStaleAnswer();
                attempt = 0;
            }
        }
        throw new DeviceException(DeviceException.Code.OFFLINE, port.name() + ": the register does not answer ENQ ("
                + settings.enqRetries() + " tries of " + settings.controlTimeoutMs() + " ms)");
    }

    private void dropStaleAnswer() throws DeviceException {
        long deadline = deadline(settings.controlTimeoutMs());
        while (true) {
            ShtrihDecoder.Event e = next(deadline);
            if (e == null) {
                return;
            }
            if (e instanceof ShtrihDecoder.Event.Frame f) {
                log.info("{}: dropping a stale answer {}", port.name(), f.frame());
                port.write(new byte[] {ShtrihFrame.ACK});
                return;
            }
        }
    }

    /** The next ACK or NAK within the time, skipping noise; STX when a frame came instead (left unread); -1 on silence. */
    private int control(int timeoutMs) throws DeviceException {
        long deadline = deadline(timeoutMs);
        while (true) {
            ShtrihDecoder.Event e = next(deadline);
            if (e == null) {
                return -1;
            }
            if (e instanceof ShtrihDecoder.Event.Control c && c.value() != ShtrihFrame.ENQ) {
                return c.value();
            }
            if (e instanceof ShtrihDecoder.Event.Frame) {
                pending.addFirst(e); // the ACK before it was lost in noise: the frame speaks for itself
                return ShtrihFrame.STX;
            }
        }
    }

    private ShtrihAnswer answer(ShtrihCommand command, int timeoutMs) throws DeviceException {
        long deadline = deadline(timeoutMs);
        int naks = 0;
        while (true) {
            ShtrihDecoder.Event e = next(deadline);
            if (e == null) {
                throw new DeviceException(DeviceException.Code.TIMEOUT, port.name() + ": no answer to " + command
                        + " within " + timeoutMs + " ms; the register may or may not have done it");
            }
            boolean cutShort = e instanceof ShtrihDecoder.Event.Noise && cutShortNow;
            if (e instanceof ShtrihDecoder.Event.BadLrc || cutShort) {
                // A damaged answer, or one cut short by a byte lost on the line (its frame stopped for longer than
                // the byte timeout): NAK it and ask again with ENQ; the register sends the same answer again.
                if (++naks > settings.answerRetries()) {
                    throw new DeviceException(DeviceException.Code.TIMEOUT, port.name() + ": the answer to " + command
                            + " came damaged " + naks + " times; the register may or may not have done it");
                }
                log.debug("{}: {} answer to {}, NAK and ENQ", port.name(), cutShort ? "a cut-short" : "a bad-LRC",
                        command);
                port.write(new byte[] {ShtrihFrame.NAK, ShtrihFrame.ENQ});
                continue;
            }
            if (e instanceof ShtrihDecoder.Event.Frame f) {
                port.write(new byte[] {ShtrihFrame.ACK});
                ShtrihAnswer a;
                try {
                    a = ShtrihAnswer.decode(f.frame());
                } catch (ShtrihFormatException bad) {
                    log.warn("{}: dropping an answer that does not parse: {}", port.name(), bad.getMessage());
                    continue;
                }
                if (a.command() != command.code) {
                    log.info("{}: dropping an answer to {} while waiting for {}", port.name(),
                            ShtrihCommand.hex(a.command()), command);
                    continue;
                }
                return a;
            }
            if (e instanceof ShtrihDecoder.Event.Control c && c.value() == ShtrihFrame.NAK && naks > 0) {
                throw new DeviceException(DeviceException.Code.TIMEOUT, port.name() + ": the answer to " + command
                        + " was lost on the line; the register may or may not have done it");
            }
        }
    }

    /** The next event before the deadline, or null. A frame left half-way for longer than the byte timeout is noise. */
    private ShtrihDecoder.Event next(long deadlineNanos) throws DeviceException {
        cutShortNow = false;
        while (pending.isEmpty()) {
            long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            boolean partial = decoder.hasPartial();
            if (leftMs <= 0 && !partial) {
                return null;
            }
            int wait = (int) Math.max(1, partial ? Math.min(settings.byteTimeoutMs(), Math.max(leftMs,
                    settings.byteTimeoutMs())) : Math.min(leftMs, Integer.MAX_VALUE));
            int n = port.read(buf, wait);
            if (n > 0) {
                pending.addAll(decoder.feed(buf, n));
            } else if (partial) {
                int dropped = decoder.reset();
                log.debug("{}: dropped {} bytes of a frame cut short", port.name(), dropped);
                pending.add(new ShtrihDecoder.Event.Noise(dropped));
                cutShortNow = true;
            }
        }
        return pending.poll();
    }

    private static long deadline(int timeoutMs) {
        return System.nanoTime() + timeoutMs * 1_000_000L;
    }

    @Override
    public void close() {
        port.close();
    }
}
