package org.topupkiosk.device.emulator.fiscal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.SerialLink;

/** One accepted TCP connection as the emulator's end of a line: the register's Ethernet port. */
final class SocketLink implements SerialLink {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean closed;

    SocketLink(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public void open() throws DeviceException {
        if (closed) {
            throw new DeviceException(DeviceException.Code.OFFLINE, name() + ": the host hung up");
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            close();
            throw new DeviceException(DeviceException.Code.OFFLINE, name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMs) throws DeviceException {
        try {
            socket.setSoTimeout(Math.max(1, timeoutMs));
            int n = in.read(buffer);
            if (n < 0) {
                close();
                throw new DeviceException(DeviceException.Code.OFFLINE, name() + ": the host hung up");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            close();
            throw new DeviceException(DeviceException.Code.OFFLINE, name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void discardInput() throws DeviceException {
        try {
            in.skip(in.available());
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.OFFLINE, name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "tcp:" + socket.getRemoteSocketAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
