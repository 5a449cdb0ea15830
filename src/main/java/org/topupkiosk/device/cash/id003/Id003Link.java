package org.topupkiosk.device.cash.id003;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The host side of an ID003 line: one request, one reply. The acceptor answers STATUS REQUEST with its state, an
 * operation command (RESET, STACK-1, RETURN) with ACK (0x50), a setting command (0xC0..0xC3) by echoing it, and a
 * command it cannot take now with INVALID COMMAND (0x4B). ID003 has no NAK: a reply with a bad CRC, or none within
 * the response timeout, makes the host send the same request again, up to {@code retries} more times.
 *
 * <p>VEND VALID is the one answer the host acknowledges (ID-003: the acceptor repeats it until ACK). The handler
 * given with the request runs before that ACK goes out, so the driver makes the note durable before the acceptor is
 * allowed to move on to STACKED; if the handler throws, no ACK is sent and the acceptor keeps reporting the note.
 */
public final class Id003Link {

    private static final Logger log = LoggerFactory.getLogger(Id003Link.class);

    /** While a frame is arriving, allow this much silence between bytes before giving up on it. */
    private static final int INTER_BYTE_MS = 50;

    /** Runs on the reply before VEND VALID is acknowledged. */
    @FunctionalInterface
    public interface ReplyHandler {
        void beforeAck(Id003Frame reply) throws DeviceException;
    }

    /** Line quality counters, for health and the bench. */
    public record Counters(long requests, long retries, long badCrc, long timeouts) {}

    private static final byte[] ACK_FRAME = Id003Frame.of(Id003Frame.ACK).encode();

    private final SerialLink port;
    private final int responseTimeoutMs;
    private final int retries;
    private final FrameDecoder decoder = Id003Frame.decoder();
    private final byte[] readBuf = new byte[256];
    private long requests;
    private long retried;
    private long badCrc;
    private long timeouts;

    public Id003Link(SerialLink port, int responseTimeoutMs, int retries) {
        this.port = port;
        this.responseTimeoutMs = responseTimeoutMs;
        this.retries = retries;
    }

    /** STATUS REQUEST; VEND VALID is acknowledged after {@code handler} ran. */
    public Id003Frame status(ReplyHandler handler) throws DeviceException {
        return request(Id003Frame.STATUS_REQUEST, new byte[0], handler);
    }

    /** An operation or setting command; returns once the acceptor ACKed or echoed it. */
    public Id003Frame command(int command, byte... data) throws DeviceException {
        return request(command, data, null);
    }

    /**
     * Sends {@code command} with {@code data} and returns the reply.
     *
     * @throws DeviceException TIMEOUT when no good reply came after the retries, FAILURE on INVALID COMMAND,
     *                         OFFLINE when the port is gone
     */
    public Id003Frame request(int command, byte[] data, ReplyHandler handler) throws DeviceException {
        requests++;
        byte[] frame = new Id003Frame(command, data).encode();
        String lastProblem = "no reply";
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                retried++;
            }
            port.discardInput();
            decoder.reset();
            port.write(frame);
            Reply reply = awaitReply();
            if (reply.frame != null) {
                Id003Frame f = reply.frame;
                if (command == Id003Frame.STATUS_REQUEST) {
                    if (handler != null) {
                        handler.beforeAck(f);
                    }
                    if (f.command() == Id003State.VEND_VALID.code) {
                        port.write(ACK_FRAME);
                    }
                    return f;
                }
                if (f.command() == Id003State.INVALID_COMMAND.code) {
                    throw new DeviceException(DeviceException.Code.FAILURE,
                            String.format("acceptor refused command 0x%02x (INVALID COMMAND)", command));
                }
                if (f.command() == Id003Frame.ACK || f.command() == command) {
                    return f;
                }
                lastProblem = String.format("unexpected reply 0x%02x", f.command());
                continue;
            }
            if (reply.badCrc) {
                badCrc++;
                lastProblem = "bad CRC";
            } else {
                timeouts++;
                lastProblem = "no reply in " + responseTimeoutMs + " ms";
            }
        }
        log.debug("id003 command 0x{} failed after {} retries: {}", Integer.toHexString(command), retries, lastProblem);
        throw new DeviceException(DeviceException.Code.TIMEOUT, String.format(
                "no good reply to command 0x%02x after %d tries: %s", command, retries + 1, lastProblem));
    }

    private record Reply(Id003Frame frame, boolean badCrc) {}

    private Reply awaitReply() throws DeviceException {
        long deadline = System.nanoTime() + responseTimeoutMs * 1_000_000L;
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return new Reply(null, false);
            }
            int n = port.read(readBuf, (int) leftMs);
            if (n <= 0) {
                continue;
            }
            List<FrameDecoder.Decoded> out = decoder.feed(readBuf, n);
            for (FrameDecoder.Decoded d : out) {
                if (d instanceof FrameDecoder.Decoded.Frame f) {
                    return new Reply(Id003Frame.parse(f.bytes()), false);
                }
                if (d instanceof FrameDecoder.Decoded.Error e && e.kind() == FrameDecoder.Kind.BAD_CRC) {
                    return new Reply(null, true);
                }
            }
            if (decoder.hasPartial()) {
                deadline = Math.max(deadline, System.nanoTime() + INTER_BYTE_MS * 1_000_000L);
            }
        }
    }

    public Counters counters() {
        return new Counters(requests, retried, badCrc, timeouts);
    }
}
