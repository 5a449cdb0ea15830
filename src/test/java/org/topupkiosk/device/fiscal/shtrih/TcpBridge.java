package org.topupkiosk.device.fiscal.shtrih;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.MemoryLink;

/**
 * A loopback TCP port in front of the host end of a {@link MemoryLink} pair, so a register scripted on the device
 * end is reached over real TCP as a network register's port 7778 is. One connection at a time.
 */
final class TcpBridge implements AutoCloseable {

    private final ServerSocket server;
    private final MemoryLink host;
    private final Thread acceptor;
    private volatile Socket current;

    TcpBridge(MemoryLink host) throws IOException {
        this.host = host;
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        host.open();
        acceptor = new Thread(this::accept, "tcp-bridge");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (!server.isClosed()) {
                Socket s = server.accept();
                current = s;
                Thread back = new Thread(() -> deviceToSocket(s), "tcp-bridge-back");
                back.setDaemon(true);
                back.start();
                socketToDevice(s);
                back.join(1000);
            }
        } catch (IOException | InterruptedException e) {
            // closed
        }
    }

    private void socketToDevice(Socket s) {
        byte[] buf = new byte[512];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                byte[] chunk = new byte[n];
                System.arraycopy(buf, 0, chunk, 0, n);
                host.write(chunk);
            }
        } catch (IOException | DeviceException e) {
            // the client went away
        }
    }

    private void deviceToSocket(Socket s) {
        byte[] buf = new byte[512];
        try {
            OutputStream out = s.getOutputStream();
            while (!s.isClosed()) {
                int n = host.read(buf, 50);
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException | DeviceException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
        host.close();
    }
}
