package org.topupkiosk.device.emulator.fiscal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's Ethernet port: the emulator on raw TCP, bound to loopback. One host at a time, as on the register; a
 * new connection takes the line over from the previous one (a driver that reconnects after a restart).
 */
public final class FiscalEmulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FiscalEmulatorServer.class);

    private final ShtrihEmulator emulator;
    private final ServerSocket server;

    /** @param port 0 picks a free port (tests) */
    public FiscalEmulatorServer(ShtrihEmulator emulator, int port) throws IOException {
        this.emulator = emulator;
        this.server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fiscal-emulator-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                emulator.serve(new SocketLink(s));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("fiscal emulator accept failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        emulator.stop();
    }
}
