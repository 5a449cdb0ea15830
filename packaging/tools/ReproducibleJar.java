import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A jar of a class folder that is the same bytes for the same classes: entries in name order, every entry dated
 * SOURCE_DATE_EPOCH, folders as entries of their own (Flyway finds db/migration in a jar by its folder entry), a
 * manifest without a build time. The JDK 17 jar tool dates its manifest with the clock and walks folders in file
 * system order. Run by scripts/package as a source-file program:
 * {@code java -Duser.timezone=UTC ReproducibleJar.java OUT.jar CLASSES_DIR EPOCH_SECONDS}
 */
public final class ReproducibleJar {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ReproducibleJar OUT.jar CLASSES_DIR EPOCH_SECONDS");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        long time = Long.parseLong(args[2]) * 1000L;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).collect(Collectors.toList());
        }
        List<String> names = paths.stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                .filter(n -> !n.equals("META-INF/") && !n.equals("META-INF/MANIFEST.MF"))
                .sorted()
                .collect(Collectors.toList());
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, "META-INF/", null, time);
            put(zip, "META-INF/MANIFEST.MF",
                    "Manifest-Version: 1.0\r\nCreated-By: scripts/package\r\n\r\n".getBytes(StandardCharsets.UTF_8), time);
            for (String name : names) {
                put(zip, name, name.endsWith("/") ? null : Files.readAllBytes(dir.resolve(name)), time);
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, long time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        zip.putNextEntry(e);
        if (bytes != null) {
            zip.write(bytes);
        }
        zip.closeEntry();
    }
}
