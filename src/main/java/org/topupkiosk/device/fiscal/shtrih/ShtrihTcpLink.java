package org.topupkiosk.device.fiscal.shtrih;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.SerialLink;

/**
 * A Shtrih-M register on the network: the register (or its RNDIS/Ethernet adapter) serves the same ENQ/ACK/NAK byte
 * protocol on a TCP port (7778 by default on current models). Connects on first use and again after the socket
 * dropped, so the driver's next call reconnects by itself; a closed or reset socket is {@code OFFLINE}.
 */
public final class ShtrihTcpLink implements SerialLink {

    public static final int DEFAULT_PORT = 7778;

    private final String host;
    private final int port;
    private final int connectTimeoutMs;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public ShtrihTcpLink(String host, int port, int connectTimeoutMs) {
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("fiscal register address " + host + ":" + port + " is not valid");
        }
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    @Override
    public synchronized void open() throws DeviceException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            s.setTcpNoDelay(true);
            in = s.getInputStream();
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new DeviceException(DeviceException.Code.OFFLINE, name() + ": cannot connect (" + e.getMessage()
                    + ")", e);
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return socket != null;
    }

    @Override
    public synchronized void write(byte[] bytes) throws DeviceException {
        open();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw lost("write failed: " + e.getMessage());
        }
    }

    @Override
    public synchronized int read(byte[] buffer, int timeoutMs) throws DeviceException {
        open();
        try {
            socket.setSoTimeout(Math.max(1, timeoutMs));
            int n = in.read(buffer);
            if (n < 0) {
                throw lost("the register closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw lost("read failed: " + e.getMessage());
        }
    }

    @Override
    public synchronized void discardInput() throws DeviceException {
        open();
        try {
            while (in.available() > 0) {
                in.read(new byte[in.available()]);
            }
        } catch (IOException e) {
            throw lost("read failed: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
        }
    }

    private DeviceException lost(String what) {
        close();
        return new DeviceException(DeviceException.Code.OFFLINE, name() + ": " + what);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // a socket that failed to connect has nothing more to say
        }
    }
}
