package org.topupkiosk.fleet.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's office: scripts/fleet-hq's program (FleetHqMain) in a JVM of its own, as an operator would run it, with
 * the demo's broker and the office key the demo's kiosks trust. Its page address is read from its first line.
 */
final class DemoOffice implements AutoCloseable {

    private static final Pattern PAGE = Pattern.compile("the office page is at (\\S+)");

    private final Process process;
    private final String page;

    DemoOffice(String broker, int port, Path key, Path log) throws IOException {
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.topupkiosk.fleet.office.FleetHqMain",
                "--broker", broker, "--listen", "127.0.0.1:" + port, "--key", key.toString(),
                "--client-id", "fleet-demo-office"))
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        String found = null;
        while (found == null && (line = out.readLine()) != null) {
            Matcher m = PAGE.matcher(line);
            if (m.find()) {
                found = m.group(1);
            }
        }
        if (found == null) {
            close();
            throw new IOException("the office (fleet-hq) ended before serving its page; see " + log);
        }
        page = found;
        Thread drain = new Thread(() -> Drain.quietly(out), "office-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    String page() {
        return page;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
