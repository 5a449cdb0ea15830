package org.topupkiosk.device.cash.ccnet;

import java.util.Arrays;
import java.util.HexFormat;
import org.topupkiosk.device.cash.FrameDecoder;

/**
 * One CCNET frame: {@code SYNC(02) ADR LNG payload CRC16}. LNG counts the whole frame; the CRC covers SYNC to the end
 * of the payload and goes low byte first (CCNET description, "message format"). From the host the payload is a
 * command byte and its data; from the device it is the reply data (a single 00 is ACK, FF is NAK).
 */
public record CcnetFrame(int address, byte[] payload) {

    public static final int SYNC = 0x02;
    /** Peripheral address of a bill validator (CCNET "device addresses" table). */
    public static final int BILL_VALIDATOR = 0x03;
    /** Header (SYNC, ADR, LNG) plus the two CRC bytes. */
    public static final int OVERHEAD = 5;
    /** LNG is one byte; bill validator replies never use the extended length form. */
    public static final int MAX_LENGTH = 250;

    public CcnetFrame {
        payload = payload.clone();
        if (payload.length == 0 || payload.length + OVERHEAD > MAX_LENGTH) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes does not fit a CCNET frame");
        }
    }

    public static CcnetFrame of(int address, int first, byte... rest) {
        byte[] p = new byte[rest.length + 1];
        p[0] = (byte) first;
        System.arraycopy(rest, 0, p, 1, rest.length);
        return new CcnetFrame(address, p);
    }

    public byte[] encode() {
        return FrameDecoder.encode(SYNC, 2, address, payload);
    }

    /** From a CRC-checked frame out of {@link #decoder()}. */
    public static CcnetFrame parse(byte[] frame) {
        return new CcnetFrame(frame[1] & 0xFF, Arrays.copyOfRange(frame, 3, frame.length - 2));
    }

    /** A decoder for CCNET's framing: length at offset 2, at least one payload byte. */
    public static FrameDecoder decoder() {
        return new FrameDecoder(SYNC, 2, OVERHEAD + 1, MAX_LENGTH);
    }

    public int first() {
        return payload[0] & 0xFF;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public boolean isAck() {
        return payload.length == 1 && payload[0] == CcnetCommand.ACK;
    }

    public boolean isNak() {
        return payload.length == 1 && (payload[0] & 0xFF) == CcnetCommand.NAK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CcnetFrame f && f.address == address && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return address * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "CcnetFrame[" + HexFormat.ofDelimiter(" ").formatHex(encode()) + "]";
    }
}
