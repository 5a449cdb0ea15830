package org.topupkiosk.device.serial;

/** Line settings of a serial port. Both bill acceptor protocols run at 9600 baud; they differ in parity. */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits) {

    public enum Parity { NONE, EVEN, ODD }

    /** CCNET: 9600 8N1 (CashCode CCNET description, "interface"). */
    public static final SerialSettings CCNET = new SerialSettings(9600, 8, Parity.NONE, 1);

    /** ID003: 9600 8E1 (JCM ID-003 communication specification). */
    public static final SerialSettings ID003 = new SerialSettings(9600, 8, Parity.EVEN, 1);

    @Override
    public String toString() {
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
