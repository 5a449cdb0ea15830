package org.topupkiosk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's zbarimg (zbar-tools), an independent decoder, reading QR codes from PNGs: receipts and screenshots. */
public final class Zbarimg {

    private static final Path BINARY = Path.of("/usr/bin/zbarimg");

    private Zbarimg() {}

    /** Skips the calling test, loudly, when zbarimg is not installed (.ci/run installs zbar-tools). */
    public static void require() {
        if (!Files.isExecutable(BINARY)) {
            System.err.println("SKIPPED: zbarimg not found; install zbar-tools to read QR codes back");
        }
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "zbarimg (zbar-tools) is not installed");
    }

    /** The text of the one QR code in {@code png}; fails when zbarimg finds none. */
    public static String readQr(Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(BINARY.toString(), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // stderr carries D-Bus noise on servers
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("zbarimg did not finish on " + png);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new AssertionError("zbarimg found no QR code in " + png + " (exit " + p.exitValue() + ")");
        }
        return out;
    }
}
