package org.topupkiosk.fleet.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The demo's broker: the one given; else Mosquitto when installed (on a free loopback port, its files in the demo's
 * folder, running as the current user); else Moquette inside this JVM, so the demo runs on a machine with Java only.
 */
final class DemoBroker implements AutoCloseable {

    private final String url;
    private final String kind;
    private final MosquittoBroker mosquitto;
    private final Server moquette;

    private DemoBroker(String url, String kind, MosquittoBroker mosquitto, Server moquette) {
        this.url = url;
        this.kind = kind;
        this.mosquitto = mosquitto;
        this.moquette = moquette;
    }

    /** {@code given} when not null; otherwise a broker of our own with its files under {@code dir}. */
    static DemoBroker open(String given, Path dir) throws IOException {
        if (given != null) {
            return new DemoBroker(given, "given", null, null);
        }
        if (MosquittoBroker.available()) {
            MosquittoBroker b = MosquittoBroker.start(dir.resolve("mosquitto"), List.of(
                    "allow_anonymous true", "log_type none", "log_type error", "log_type warning"));
            return new DemoBroker(b.url(), "mosquitto", b, null);
        }
        return embedded(dir);
    }

    /** Moquette in this JVM on a free loopback port, persisting under {@code dir}. */
    static DemoBroker embedded(Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("moquette"));
        int port = freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "true");
        p.setProperty("data_path", data.toAbsolutePath().toString());
        Server server = new Server();
        server.startServer(new MemoryConfig(p));
        return new DemoBroker("tcp://127.0.0.1:" + port, "moquette (embedded)", null, server);
    }

    String url() {
        return url;
    }

    String kind() {
        return kind;
    }

    @Override
    public void close() {
        if (mosquitto != null) {
            mosquitto.stop();
        }
        if (moquette != null) {
            moquette.stopServer();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
