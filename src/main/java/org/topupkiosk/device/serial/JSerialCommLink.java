package org.topupkiosk.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;

/**
 * A serial port (or a pseudo-terminal such as /dev/pts/3) through jSerialComm. When the port vanishes (a USB adapter
 * unplugged) a read or write fails with {@code OFFLINE}; the link closes the handle and every later call tries to open
 * the path again, at most once a second, so the driver's poll loop reconnects by itself when the port returns.
 */
public final class JSerialCommLink implements SerialLink {

    private static final Logger log = LoggerFactory.getLogger(JSerialCommLink.class);
    private static final long REOPEN_EVERY_MS = 1000;

    private final String path;
    private final SerialSettings settings;
    private SerialPort port;
    private int timeoutSetMs = -1;
    private long lastAttemptMs;
    private boolean lostReported;

    public JSerialCommLink(String path, SerialSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    @Override
    public synchronized void open() throws DeviceException {
        if (port != null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (lastAttemptMs != 0 && now - lastAttemptMs < REOPEN_EVERY_MS) {
            throw new DeviceException(DeviceException.Code.OFFLINE, path + " is not available");
        }
        lastAttemptMs = now;
        if (path.startsWith("/") && !Files.exists(Path.of(path))) {
            throw new DeviceException(DeviceException.Code.OFFLINE, path + " does not exist");
        }
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            throw new DeviceException(DeviceException.Code.OFFLINE, "cannot open " + path + " (error "
                    + p.getLastErrorCode() + ")");
        }
        port = p;
        timeoutSetMs = -1;
        if (lostReported) {
            log.info("serial port {} is back", path);
            lostReported = false;
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null;
    }

    @Override
    public synchronized void write(byte[] bytes) throws DeviceException {
        SerialPort p = ready();
        int n = p.writeBytes(bytes, bytes.length);
        if (n != bytes.length) {
            throw lost("write returned " + n + " of " + bytes.length);
        }
    }

    @Override
    public synchronized int read(byte[] buffer, int timeoutMs) throws DeviceException {
        SerialPort p = ready();
        if (timeoutMs != timeoutSetMs) {
            // Semi-blocking: return as soon as at least one byte is there, or after the timeout with none.
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMs), 0);
            timeoutSetMs = timeoutMs;
        }
        int n = p.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw lost("read failed (error " + p.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public synchronized void discardInput() throws DeviceException {
        SerialPort p = ready();
        int waiting = p.bytesAvailable();
        if (waiting < 0) {
            throw lost("port gone");
        }
        if (waiting > 0) {
            p.readBytes(new byte[waiting], waiting);
        }
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    private SerialPort ready() throws DeviceException {
        if (port == null) {
            open();
        }
        return port;
    }

    private DeviceException lost(String what) {
        if (!lostReported) {
            log.warn("serial port {} vanished: {}", path, what);
            lostReported = true;
        }
        close();
        lastAttemptMs = System.currentTimeMillis();
        return new DeviceException(DeviceException.Code.OFFLINE, path + ": " + what);
    }

    private static int parity(SerialSettings.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }

    private static int stopBits(int stopBits) {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }
}
