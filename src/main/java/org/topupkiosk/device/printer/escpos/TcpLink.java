package org.topupkiosk.device.printer.escpos;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Raw TCP to a network printer's port 9100. Connects on first use and again after a failure, since a printer that was
 * switched off drops the socket.
 */
public final class TcpLink implements PrinterLink {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;
    private OutputStream out;
    private InputQueue in;

    public TcpLink(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    private synchronized void connect() throws IOException {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        out = s.getOutputStream();
        in = new InputQueue(s.getInputStream(), describe());
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        connect();
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public int read(Duration timeout) throws IOException {
        InputQueue q;
        synchronized (this) {
            connect();
            q = in;
        }
        try {
            return q.read(timeout);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void discardInput() {
        if (in != null) {
            in.clear();
        }
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead socket has nothing more to tell
            }
            socket = null;
        }
    }
}
