package org.topupkiosk.device.sim;

import java.util.Arrays;
import java.util.HexFormat;

/** A card's answer: data and the two status bytes (ISO 7816-4 section 5.1). Immutable. */
public record ResponseApdu(byte[] data, int sw) {

    public static final int OK = 0x9000;

    public ResponseApdu {
        data = data.clone();
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("status word out of range: " + sw);
        }
    }

    /** Splits raw response bytes; fewer than two bytes is not an answer. */
    public static ResponseApdu parse(byte[] raw) throws SimException {
        if (raw == null || raw.length < 2) {
            throw new SimException(SimException.Code.BAD_DATA, "response of " + (raw == null ? 0 : raw.length)
                    + " bytes has no status word");
        }
        int n = raw.length;
        return new ResponseApdu(Arrays.copyOf(raw, n - 2), ((raw[n - 2] & 0xFF) << 8) | (raw[n - 1] & 0xFF));
    }

    public int sw1() {
        return sw >>> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    public boolean ok() {
        return sw == OK;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) sw1();
        out[data.length + 1] = (byte) sw2();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sw;
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(data) + " SW=" + String.format("%04X", sw);
    }
}
