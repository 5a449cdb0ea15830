package org.topupkiosk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pair of joined pseudo-terminals from {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: what one end writes the
 * other reads, like a null-modem cable. The paths come from socat's "PTY is /dev/pts/N" notices on stderr.
 */
public final class SocatPair implements AutoCloseable {

    public static final Path SOCAT = Path.of("/usr/bin/socat");
    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process process;
    private final String a;
    private final String b;

    private SocatPair(Process process, String a, String b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    public static boolean available() {
        return Files.isExecutable(SOCAT);
    }

    public static SocatPair start() throws IOException {
        Process p = new ProcessBuilder(SOCAT.toString(), "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<List<String>> paths = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> found = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = PTY.matcher(line);
                    if (m.find() && found.size() < 2) {
                        found.add(m.group(1));
                        if (found.size() == 2) {
                            paths.complete(found);
                        }
                    }
                }
            } catch (IOException e) {
                // socat ended
            }
            paths.completeExceptionally(new IOException("socat ended before naming two ptys"));
        }, "socat-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            List<String> two = paths.get(10, TimeUnit.SECONDS);
            return new SocatPair(p, two.get(0), two.get(1));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("socat did not start: " + e.getMessage(), e);
        }
    }

    /** The device's end, by convention. */
    public String deviceEnd() {
        return a;
    }

    /** The host's (driver's) end. */
    public String hostEnd() {
        return b;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
