package org.topupkiosk.device.cash.id003;

import java.util.Arrays;
import java.util.HexFormat;
import org.topupkiosk.device.cash.FrameDecoder;

/**
 * One ID003 frame: {@code SYNC(FC) LNG CMD DATA CRC16}. LNG counts the whole frame, SYNC to CRC; the CRC is the same
 * CRC-16 as CCNET's (reflected 0x8408, init 0, low byte first) over SYNC to the end of DATA (JCM ID-003 protocol,
 * "message format"). There is no address: one acceptor per line. 9600 baud, 8E1.
 */
public record Id003Frame(int command, byte[] data) {

    public static final int SYNC = 0xFC;
    /** SYNC, LNG, CMD and the two CRC bytes. */
    public static final int OVERHEAD = 5;
    public static final int MAX_LENGTH = 255;

    // Host to acceptor (ID-003 "command" tables)
    public static final int STATUS_REQUEST = 0x11;
    public static final int ACK = 0x50;
    public static final int RESET = 0x40;
    public static final int STACK_1 = 0x41;
    public static final int STACK_2 = 0x42;
    public static final int RETURN = 0x43;
    public static final int HOLD = 0x44;
    public static final int WAIT = 0x45;
    public static final int SET_ENABLE = 0xC0;
    public static final int SET_SECURITY = 0xC1;
    public static final int SET_INHIBIT = 0xC3;
    public static final int VERSION_REQUEST = 0x88;
    public static final int CURRENCY_ASSIGN_REQUEST = 0x8A;

    public Id003Frame {
        data = data.clone();
        if (data.length + OVERHEAD > MAX_LENGTH) {
            throw new IllegalArgumentException("data of " + data.length + " bytes does not fit an ID003 frame");
        }
    }

    public static Id003Frame of(int command, byte... data) {
        return new Id003Frame(command, data);
    }

    public byte[] encode() {
        return FrameDecoder.encode(SYNC, 1, command, data);
    }

    /** From a CRC-checked frame out of {@link #decoder()}. */
    public static Id003Frame parse(byte[] frame) {
        return new Id003Frame(frame[2] & 0xFF, Arrays.copyOfRange(frame, 3, frame.length - 2));
    }

    /** ID003 framing: length right after SYNC, at least a command byte. */
    public static FrameDecoder decoder() {
        return new FrameDecoder(SYNC, 1, OVERHEAD, MAX_LENGTH);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Id003Frame f && f.command == command && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return command * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Id003Frame[" + HexFormat.ofDelimiter(" ").formatHex(encode()) + "]";
    }
}
