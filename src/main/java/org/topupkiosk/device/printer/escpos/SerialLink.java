package org.topupkiosk.device.printer.escpos;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;

/**
 * A serial printer through jSerialComm. Kiosk printers ship at 9600 or 115200 baud 8N1 with hardware flow control,
 * which stops us overrunning the printer's buffer while it prints a raster line.
 */
public final class SerialLink implements PrinterLink {

    private final String portName;
    private final int baud;
    private SerialPort port;

    public SerialLink(String portName, int baud) {
        this.portName = portName;
        this.baud = baud;
    }

    private synchronized SerialPort open() throws IOException {
        if (port != null && port.isOpen()) {
            return port;
        }
        SerialPort p = SerialPort.getCommPort(portName);
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + portName + " (error " + p.getLastErrorCode() + ")");
        }
        port = p;
        return p;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        SerialPort p = open();
        p.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, writeTimeoutMs(data.length));
        int written = p.writeBytes(data, data.length);
        if (written != data.length) {
            close();
            throw new IOException("serial write to " + portName + " sent " + written + " of " + data.length + " bytes");
        }
    }

    /** Twice the time the bytes take on the wire at 10 bits a byte, plus a second for the printer to pause us. */
    private int writeTimeoutMs(int bytes) {
        return (int) Math.min(Integer.MAX_VALUE, 1000L + bytes * 10L * 1000L * 2 / baud);
    }

    @Override
    public synchronized int read(Duration timeout) throws IOException {
        SerialPort p = open();
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, (int) Math.max(1, timeout.toMillis()), 0);
        byte[] one = new byte[1];
        int n = p.readBytes(one, 1);
        if (n < 0) {
            close();
            throw new IOException("serial read from " + portName + " failed (error " + p.getLastErrorCode() + ")");
        }
        return n == 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized void discardInput() {
        if (port != null && port.isOpen()) {
            port.flushIOBuffers();
        }
    }

    @Override
    public String describe() {
        return "serial:" + portName + "@" + baud;
    }

    /** The line speed the port is opened at. */
    public int baud() {
        return baud;
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
