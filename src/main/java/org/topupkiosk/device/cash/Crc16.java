package org.topupkiosk.device.cash;

/**
 * The CRC both bill acceptor protocols use: CRC-16 with the reflected CCITT polynomial 0x8408, initial value 0,
 * sent low byte first (CCNET description, "CRC calculation"; JCM ID-003 uses the same). Known as CRC-16/KERMIT.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16() {}

    public static int of(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** True when the last two bytes of {@code frame[0, length)} are the CRC of the bytes before them, low first. */
    public static boolean matches(byte[] frame, int length) {
        if (length < 2) {
            return false;
        }
        int crc = of(frame, 0, length - 2);
        return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == (crc >>> 8);
    }
}
