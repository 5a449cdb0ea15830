package org.topupkiosk.device.cash.ccnet;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The host side of a CCNET line: one request, one reply. The controller sends ACK for every reply that carries data
 * and NAK for a reply with a bad CRC, then asks again; a device NAK (our frame arrived damaged) or no answer within
 * the response timeout also makes it ask again, up to {@code retries} more times (CCNET description, "communication
 * protocol": the controller retransmits on NAK or timeout). A handler given with the request runs before the ACK goes
 * out, so a driver can make a reply durable before the device is told it may forget it.
 */
public final class CcnetLink {

    private static final Logger log = LoggerFactory.getLogger(CcnetLink.class);

    /** While a frame is arriving, allow this much silence between bytes before giving up on it. */
    private static final int INTER_BYTE_MS = 50;

    /** Runs on the reply before it is acknowledged. */
    @FunctionalInterface
    public interface ReplyHandler {
        void beforeAck(byte[] payload) throws DeviceException;
    }

    /** Line quality counters, for health and the bench. */
    public record Counters(long requests, long retries, long badCrc, long timeouts) {}

    private final SerialLink port;
    private final int address;
    private final int responseTimeoutMs;
    private final int retries;
    private final FrameDecoder decoder = CcnetFrame.decoder();
    private final byte[] readBuf = new byte[256];
    private long requests;
    private long retried;
    private long badCrc;
    private long timeouts;

    public CcnetLink(SerialLink port, int address, int responseTimeoutMs, int retries) {
        this.port = port;
        this.address = address;
        this.responseTimeoutMs = responseTimeoutMs;
        this.retries = retries;
    }

    /** Sends a command without data; see {@link #request(int, byte[], ReplyHandler)}. */
    public byte[] request(int command) throws DeviceException {
        return request(command, new byte[0], null);
    }

    /**
     * Sends {@code command} with {@code data} and returns the reply payload ({@code [00]} for a plain ACK).
     *
     * @throws DeviceException TIMEOUT when no good reply came after the retries, FAILURE on ILLEGAL COMMAND,
     *                         OFFLINE when the port is gone
     */
    public byte[] request(int command, byte[] data, ReplyHandler handler) throws DeviceException {
        requests++;
        byte[] frame = CcnetFrame.of(address, command, data).encode();
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
                CcnetFrame f = reply.frame;
                if (f.address() != address) {
                    lastProblem = "reply from address " + f.address();
                    continue;
                }
                if (f.isAck()) {
                    return f.payload();
                }
                if (f.isNak()) {
                    lastProblem = "device NAK";
                    continue;
                }
                byte[] payload = f.payload();
                if (payload.length == 1 && (payload[0] & 0xFF) == CcnetCommand.ILLEGAL_COMMAND
                        && command != CcnetCommand.POLL) {
                    throw new DeviceException(DeviceException.Code.FAILURE,
                            String.format("device refused command 0x%02x (ILLEGAL COMMAND)", command));
                }
                if (handler != null) {
                    handler.beforeAck(payload);
                }
                port.write(CcnetFrame.of(address, CcnetCommand.ACK).encode());
                return payload;
            }
            if (reply.badCrc) {
                badCrc++;
                lastProblem = "bad CRC";
                port.write(CcnetFrame.of(address, CcnetCommand.NAK).encode());
            } else {
                timeouts++;
                lastProblem = "no reply in " + responseTimeoutMs + " ms";
            }
        }
        log.debug("ccnet command 0x{} failed after {} retries: {}", Integer.toHexString(command), retries, lastProblem);
        throw new DeviceException(DeviceException.Code.TIMEOUT, String.format(
                "no good reply to command 0x%02x after %d tries: %s", command, retries + 1, lastProblem));
    }

    private record Reply(CcnetFrame frame, boolean badCrc) {}

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
                    return new Reply(CcnetFrame.parse(f.bytes()), false);
                }
                if (d instanceof FrameDecoder.Decoded.Error e && e.kind() == FrameDecoder.Kind.BAD_CRC) {
                    return new Reply(null, true);
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
