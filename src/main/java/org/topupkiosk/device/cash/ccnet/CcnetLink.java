package org.topupkiosk.device.cash.ccnet;

import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.cash.PolledLink;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The host side of a CCNET line: one request, one reply. The controller sends ACK for every reply that carries data
 * and NAK for a reply with a bad CRC, then asks again; a device NAK (our frame arrived damaged) or no answer within
 * the response timeout also makes it ask again, up to {@code retries} more times (CCNET description, "communication
 * protocol": the controller retransmits on NAK or timeout). A handler given with the request runs before the ACK goes
 * out, so a driver can make a reply durable before the device is told it may forget it.
 */
public final class CcnetLink extends PolledLink<CcnetFrame> {

    /** Runs on the reply before it is acknowledged. */
    @FunctionalInterface
    public interface ReplyHandler {
        void beforeAck(byte[] payload) throws DeviceException;
    }

    private final int address;

    public CcnetLink(SerialLink port, int address, int responseTimeoutMs, int retries) {
        super("ccnet", port, CcnetFrame.decoder(), responseTimeoutMs, retries);
        this.address = address;
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
        return exchange(command, CcnetFrame.of(address, command, data).encode(), f -> {
            if (f.address() != address) {
                return Verdict.askAgain("reply from address " + f.address());
            }
            if (f.isAck()) {
                return Verdict.done(f.payload());
            }
            if (f.isNak()) {
                return Verdict.askAgain("device NAK");
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
            return Verdict.done(payload);
        });
    }

    @Override
    protected CcnetFrame parse(byte[] frame) {
        return CcnetFrame.parse(frame);
    }

    @Override
    protected void badCrcReceived() throws DeviceException {
        port.write(CcnetFrame.of(address, CcnetCommand.NAK).encode());
    }
}
