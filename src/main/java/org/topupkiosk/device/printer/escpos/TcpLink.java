package org.topupkiosk.device.printer.escpos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Raw TCP to a network printer's port 9100. Connects on first use and again after a failure, since a printer that was
 * switched off drops the socket.
 */
public final class TcpLink extends StreamLink {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;

    public TcpLink(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    @Override
    protected void openStreams() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        attach(s.getOutputStream(), s.getInputStream());
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    protected void releaseStreams() {
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
