package org.topupkiosk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's zbarimg (zbar-tools), an independent decoder, reading codes from PNGs: receipts, the emulators' paper and screenshots. */
public final class Zbarimg {

    private static final Path BINARY = Path.of("/usr/bin/zbarimg");

    private Zbarimg() {}

    /** Whether zbarimg is installed, for tests that read a code back only where they can. */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Skips the calling test, loudly, when zbarimg is not installed (.ci/run installs zbar-tools). */
    public static void require() {
        if (!available()) {
            System.err.println("SKIPPED: zbarimg not found; install zbar-tools to read QR codes back");
        }
        Assumptions.assumeTrue(available(), "zbarimg (zbar-tools) is not installed");
    }

    /** The text of the one QR code in {@code png}; fails when zbarimg finds none. */
    public static String readQr(Path png) throws IOException, InterruptedException {
        return run(png, "-Sdisable", "-Sqrcode.enable");
    }

    /** The text of the one code of any kind zbarimg knows (QR, EAN, Code 128, ...) in {@code png}; fails on none. */
    public static String read(Path png) throws IOException, InterruptedException {
        return run(png);
    }

    private static String run(Path png, String... symbologies) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--raw", "-q"));
        command.addAll(List.of(symbologies));
        command.add(png.toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // stderr carries D-Bus noise on servers
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("zbarimg did not finish on " + png);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new AssertionError("zbarimg found no code in " + png + " (exit " + p.exitValue() + ")");
        }
        return out;
    }
}
