package org.topupkiosk.device.cash.id003;

/**
 * A decoded answer to STATUS REQUEST: the state (the reply's command byte) and its first data byte, {@code -1} when
 * the state carries none. ESCROW carries the escrow code, REJECTING the reason, FAILURE the failure code.
 */
public record Id003Status(Id003State state, int data) {

    public static Id003Status parse(Id003Frame reply) {
        byte[] d = reply.data();
        return new Id003Status(Id003State.of(reply.command()), d.length > 0 ? d[0] & 0xFF : -1);
    }

    public static Id003Status of(Id003State state) {
        return new Id003Status(state, -1);
    }

    public static Id003Status of(Id003State state, int data) {
        return new Id003Status(state, data);
    }

    @Override
    public String toString() {
        return data < 0 ? state.name() : state.name() + "(" + String.format("0x%02x", data) + ")";
    }
}
