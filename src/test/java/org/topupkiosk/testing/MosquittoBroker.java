package org.topupkiosk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (the Debian package, {@code /usr/sbin/mosquitto}) on a free loopback port, for the fleet
 * tests. It keeps its persistence file in its own directory, so {@link #stop()} then {@link #start()} brings back
 * retained messages and persistent sessions on the same port, as a broker restart in the field would. Extra
 * configuration lines (an ACL file, a password file, {@code allow_anonymous false}) go in through
 * {@link #start(Path, List)}.
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    public static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    private final Path dir;
    private final int port;
    private final List<String> extra;
    private Process process;

    private MosquittoBroker(Path dir, int port, List<String> extra) {
        this.dir = dir;
        this.port = port;
        this.extra = List.copyOf(extra);
    }

    public static boolean available() {
        return Files.isExecutable(MOSQUITTO);
    }

    /** An anonymous broker on a free port, persisting under {@code dir}. */
    public static MosquittoBroker start(Path dir) throws IOException {
        return start(dir, List.of("allow_anonymous true"));
    }

    /** A broker with these configuration lines after the listener, persistence and log lines. */
    public static MosquittoBroker start(Path dir, List<String> config) throws IOException {
        Files.createDirectories(dir);
        MosquittoBroker b = new MosquittoBroker(dir, freePort(), config);
        b.start();
        return b;
    }

    /** Writes a Mosquitto password file with one user (mosquitto_passwd -b -c). */
    public static Path passwordFile(Path file, String user, String password) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Process p = new ProcessBuilder(MOSQUITTO_PASSWD.toString(), "-b", "-c", file.toString(), user, password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mosquitto_passwd failed: " + out);
        }
        return file;
    }

    /** Adds a user to an existing password file. */
    public static void addUser(Path file, String user, String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(MOSQUITTO_PASSWD.toString(), "-b", file.toString(), user, password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mosquitto_passwd failed: " + out);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    /** Starts (again) on the same port with the same persistence; returns when the port accepts connections. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> conf = new ArrayList<>();
        conf.add("listener " + port + " 127.0.0.1");
        // Started as root, mosquitto drops to the "mosquitto" user and could not write its files in our directory.
        conf.add("user " + System.getProperty("user.name"));
        conf.add("persistence true");
        conf.add("persistence_location " + dir.toAbsolutePath() + "/");
        conf.add("log_dest file " + log().toAbsolutePath());
        conf.add("log_type all");
        conf.addAll(extra);
        Path file = dir.resolve("mosquitto.conf");
        Files.write(file, conf, StandardCharsets.UTF_8);
        process = new ProcessBuilder(MOSQUITTO.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited at start (" + process.exitValue() + "): "
                        + Files.readString(dir.resolve("mosquitto.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on port " + port + " within 15 s");
    }

    /** A clean stop (SIGTERM): the broker saves retained messages and sessions to its persistence file. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
