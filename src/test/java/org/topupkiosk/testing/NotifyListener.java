package org.topupkiosk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A stand-in for systemd's notify socket: {@code socat -u UNIX-RECV:PATH STDOUT} (or {@code ABSTRACT-RECV:NAME} for
 * a {@code @name} socket) receives the datagrams on a real AF_UNIX datagram socket and writes their bytes out, which
 * this class collects. Datagrams are not delimited in socat's output; tests count the assignments they look for.
 */
public final class NotifyListener implements AutoCloseable {

    private final Process socat;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final String address;

    private NotifyListener(Process socat, String address) {
        this.socat = socat;
        this.address = address;
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = socat.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // socat ended
            }
        }, "notify-listener");
        reader.setDaemon(true);
        reader.start();
    }

    /** Listens on a socket file {@code path} (absent before). */
    public static NotifyListener onPath(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SocatPair.SOCAT.toString(), "-u", "UNIX-RECV:" + path, "STDOUT")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        NotifyListener l = new NotifyListener(p, path.toString());
        l.awaitBound(() -> Files.exists(path));
        return l;
    }

    /** Listens on {@code @name} in the abstract namespace. */
    public static NotifyListener onAbstract(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SocatPair.SOCAT.toString(), "-u", "ABSTRACT-RECV:" + name, "STDOUT")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        NotifyListener l = new NotifyListener(p, "@" + name);
        l.awaitBound(() -> {
            try {
                return Files.readString(Path.of("/proc/net/unix")).contains(" @" + name + "\n");
            } catch (IOException e) {
                return false;
            }
        });
        return l;
    }

    private void awaitBound(BooleanSupplier bound) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!bound.getAsBoolean()) {
            if (!socat.isAlive() || System.nanoTime() > end) {
                close();
                throw new IOException("socat did not bind " + address);
            }
            Thread.sleep(10);
        }
    }

    /** The value for NOTIFY_SOCKET. */
    public String address() {
        return address;
    }

    /** Everything received so far, as text. */
    public String text() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** How often {@code assignment} (e.g. {@code WATCHDOG=1}) was received. */
    public int count(String assignment) {
        String t = text();
        int n = 0;
        for (int i = t.indexOf(assignment); i >= 0; i = t.indexOf(assignment, i + assignment.length())) {
            n++;
        }
        return n;
    }

    /** Waits until what was received satisfies {@code done}; false after {@code timeout}. */
    public boolean await(Predicate<NotifyListener> done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.test(this)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            socat.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
