package org.topupkiosk.device.cash;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The host side of a polled acceptor line, whatever the protocol: one request, one reply, asked again on a damaged
 * reply or none within the response timeout, up to {@code retries} more times, with the line counters for health.
 * A reply that is still arriving gets more time while its bytes flow. The protocol (CCNET, ID003) encodes the request,
 * parses the frames, and judges each good reply with a {@link ReplyRule}: done, or ask again (and why); it also says
 * what, if anything, goes back for a reply with a bad CRC.
 *
 * @param <F> the protocol's frame
 */
public abstract class PolledLink<F> {

    /** While a frame is arriving, allow this much silence between bytes before giving up on it. */
    private static final int INTER_BYTE_MS = 50;

    /** Line quality counters, for health and the bench. */
    public record Counters(long requests, long retries, long badCrc, long timeouts) {}

    /** What one good reply means for the request: the result, or a reason to ask again. */
    protected record Verdict<R>(R result, String askAgainBecause) {
        public static <R> Verdict<R> done(R result) {
            return new Verdict<>(result, null);
        }

        public static <R> Verdict<R> askAgain(String because) {
            return new Verdict<>(null, because);
        }
    }

    /** Judges one good reply to a request; may act on it first (acknowledge it, run a handler) or throw. */
    @FunctionalInterface
    protected interface ReplyRule<F, R> {
        Verdict<R> judge(F reply) throws DeviceException;
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String protocol;
    protected final SerialLink port;
    private final int responseTimeoutMs;
    private final int retries;
    private final FrameDecoder decoder;
    private final byte[] readBuf = new byte[256];
    private long requests;
    private long retried;
    private long badCrc;
    private long timeouts;

    protected PolledLink(String protocol, SerialLink port, FrameDecoder decoder, int responseTimeoutMs, int retries) {
        this.protocol = protocol;
        this.port = port;
        this.decoder = decoder;
        this.responseTimeoutMs = responseTimeoutMs;
        this.retries = retries;
    }

    /** One whole frame from the decoder (CRC already checked). */
    protected abstract F parse(byte[] frame);

    /** A reply came with a bad CRC: what the protocol sends back before asking again (CCNET: NAK; ID003: nothing). */
    protected void badCrcReceived() throws DeviceException {
    }

    /**
     * Sends {@code request} (the encoded {@code command}) until {@code rule} is done with a reply.
     *
     * @throws DeviceException TIMEOUT when no good reply came after the retries, whatever {@code rule} throws, OFFLINE
     *                         when the port is gone
     */
    protected final <R> R exchange(int command, byte[] request, ReplyRule<F, R> rule) throws DeviceException {
        requests++;
        String lastProblem = "no reply";
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                retried++;
            }
            port.discardInput();
            decoder.reset();
            port.write(request);
            Reply<F> reply = awaitReply();
            if (reply.frame != null) {
                Verdict<R> verdict = rule.judge(reply.frame);
                if (verdict.askAgainBecause() == null) {
                    return verdict.result();
                }
                lastProblem = verdict.askAgainBecause();
            } else if (reply.badCrc) {
                badCrc++;
                lastProblem = "bad CRC";
                badCrcReceived();
            } else {
                timeouts++;
                lastProblem = "no reply in " + responseTimeoutMs + " ms";
            }
        }
        log.debug("{} command 0x{} failed after {} retries: {}", protocol, Integer.toHexString(command), retries,
                lastProblem);
        throw new DeviceException(DeviceException.Code.TIMEOUT, String.format(
                "no good reply to command 0x%02x after %d tries: %s", command, retries + 1, lastProblem));
    }

    private record Reply<F>(F frame, boolean badCrc) {}

    private Reply<F> awaitReply() throws DeviceException {
        long deadline = System.nanoTime() + responseTimeoutMs * 1_000_000L;
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return new Reply<>(null, false);
            }
            int n = port.read(readBuf, (int) leftMs);
            if (n <= 0) {
                continue;
            }
            List<FrameDecoder.Decoded> out = decoder.feed(readBuf, n);
            for (FrameDecoder.Decoded d : out) {
                if (d instanceof FrameDecoder.Decoded.Frame f) {
                    return new Reply<>(parse(f.bytes()), false);
                }
                if (d instanceof FrameDecoder.Decoded.Error e && e.kind() == FrameDecoder.Kind.BAD_CRC) {
                    return new Reply<>(null, true);
                }
            }
            if (decoder.hasPartial()) {
                // Bytes are flowing: a long reply (the 125-byte bill table takes ~130 ms at 9600 baud) gets time.
                deadline = Math.max(deadline, System.nanoTime() + INTER_BYTE_MS * 1_000_000L);
            }
        }
    }

    public Counters counters() {
        return new Counters(requests, retried, badCrc, timeouts);
    }
}
