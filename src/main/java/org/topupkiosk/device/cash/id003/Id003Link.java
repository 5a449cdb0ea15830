package org.topupkiosk.device.cash.id003;

import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.PolledLink;
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
public final class Id003Link extends PolledLink<Id003Frame> {

    /** Runs on the reply before VEND VALID is acknowledged. */
    @FunctionalInterface
    public interface ReplyHandler {
        void beforeAck(Id003Frame reply) throws DeviceException;
    }

    private static final byte[] ACK_FRAME = Id003Frame.of(Id003Frame.ACK).encode();

    public Id003Link(SerialLink port, int responseTimeoutMs, int retries) {
        super("id003", port, Id003Frame.decoder(), responseTimeoutMs, retries);
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
        return exchange(command, new Id003Frame(command, data).encode(), f -> {
            if (command == Id003Frame.STATUS_REQUEST) {
                if (handler != null) {
                    handler.beforeAck(f);
                }
                if (f.command() == Id003State.VEND_VALID.code) {
                    port.write(ACK_FRAME);
                }
                return Verdict.done(f);
            }
            if (f.command() == Id003State.INVALID_COMMAND.code) {
                throw new DeviceException(DeviceException.Code.FAILURE,
                        String.format("acceptor refused command 0x%02x (INVALID COMMAND)", command));
            }
            if (f.command() == Id003Frame.ACK || f.command() == command) {
                return Verdict.done(f);
            }
            return Verdict.askAgain(String.format("unexpected reply 0x%02x", f.command()));
        });
    }

    @Override
    protected Id003Frame parse(byte[] frame) {
        return Id003Frame.parse(frame);
    }
}
