package org.topupkiosk.device.emulator.printer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's zbarimg, an independent decoder, reading codes back from the emulator's PNGs. */
public final class Zbar {

    private Zbar() {}

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "zbarimg"))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, loudly, when zbarimg is not installed (CI installs zbar-tools). */
    public static void require() {
        if (!available()) {
            System.err.println("SKIPPED: zbarimg not found; install zbar-tools to run the QR round trip");
        }
        Assumptions.assumeTrue(available(), "zbarimg (zbar-tools) is not installed");
    }

    public static String read(Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("zbarimg", "--raw", "-q", png.toString()).redirectErrorStream(false).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("zbarimg did not finish on " + png);
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
