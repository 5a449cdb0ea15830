package org.topupkiosk.device.emulator.printer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The emulator on raw TCP, as a network printer's port 9100, bound to loopback only. One thread per connection. */
public final class PrinterEmulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrinterEmulatorServer.class);

    private final EscPosPrinterEmulator emulator;
    private final ServerSocket server;
    private final Thread acceptor;

    /** @param port 0 picks a free port (tests); 9100 is the usual one */
    public PrinterEmulatorServer(EscPosPrinterEmulator emulator, int port) throws IOException {
        this.emulator = emulator;
        this.server = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "printer-emulator-tcp");
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
                Thread t = new Thread(() -> serve(s), "printer-emulator-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("printer emulator accept failed", e);
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            emulator.serve(s.getInputStream(), s.getOutputStream());
        } catch (IOException | RuntimeException e) {
            log.debug("printer emulator connection ended: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
