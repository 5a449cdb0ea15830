package org.topupkiosk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shipped simulation configuration ({@code kiosk-config/}) copied into a scratch directory, so that the kiosk a
 * test builds from it keeps its journal and state ({@code ../var}) there; optionally with one part of kiosk.yaml
 * replaced. Fails the test when the shipped file no longer has the part a test means to replace.
 */
public final class ShippedConfig {

    private static final Path SOURCE = Path.of("kiosk-config");

    private ShippedConfig() {}

    /** Copies {@code kiosk-config/} into {@code dir}; returns the copy's kiosk.yaml. */
    public static Path copy(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve("kiosk-config").resolve(SOURCE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir.resolve("kiosk-config/kiosk.yaml");
    }

    /**
     * A copy whose kiosk.yaml has the text from {@code start} up to (not including) the first {@code end} after it
     * replaced by {@code with}: a section with {@code end = "\n\n"}, one line with {@code end = "\n"}.
     */
    public static Path withSection(Path dir, String start, String end, String with) throws IOException {
        Path cfg = copy(dir);
        String yaml = Files.readString(cfg, StandardCharsets.UTF_8);
        int at = yaml.indexOf(start);
        int stop = at < 0 ? -1 : yaml.indexOf(end, at + start.length());
        if (stop < 0) {
            throw new AssertionError("the shipped kiosk.yaml no longer has " + start + "..." + end);
        }
        Files.writeString(cfg, yaml.substring(0, at) + with + yaml.substring(stop), StandardCharsets.UTF_8);
        return cfg;
    }

    /** A copy whose kiosk.yaml has {@code from} replaced by {@code to}. */
    public static Path replacing(Path dir, String from, String to) throws IOException {
        Path cfg = copy(dir);
        String yaml = Files.readString(cfg, StandardCharsets.UTF_8);
        if (!yaml.contains(from)) {
            throw new AssertionError("the shipped kiosk.yaml no longer has " + from);
        }
        Files.writeString(cfg, yaml.replace(from, to), StandardCharsets.UTF_8);
        return cfg;
    }
}
