package org.topupkiosk.device.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Points the JDK's PC/SC provider at libpcsclite. The JDK looks for {@code libpcsclite.so}, which only the -dev
 * package installs; Debian's runtime package has {@code libpcsclite.so.1} under the multiarch directory. The property
 * is read once, when javax.smartcardio is first used, so this runs before that; an explicit
 * {@code -Dsun.security.smartcardio.library=...} always wins.
 */
public final class PcscLibrary {

    public static final String PROPERTY = "sun.security.smartcardio.library";

    private PcscLibrary() {}

    /** Sets the property to the first library found, unless it is set already. Returns what is in effect, or null. */
    public static synchronized String configure() {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return set;
        }
        for (Path p : candidates()) {
            if (Files.isRegularFile(p) || Files.isSymbolicLink(p) && Files.exists(p)) {
                System.setProperty(PROPERTY, p.toString());
                return p.toString();
            }
        }
        return null;
    }

    static List<Path> candidates() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String multiarch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "i386", "x86" -> "i386-linux-gnu";
            default -> arch + "-linux-gnu";
        };
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib64", "/usr/lib",
                "/usr/local/lib")) {
            out.add(Path.of(dir, "libpcsclite.so"));
            out.add(Path.of(dir, "libpcsclite.so.1"));
        }
        return out;
    }
}
