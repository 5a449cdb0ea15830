package org.topupkiosk.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kiosk's log files in one directory, oldest first, as logback.xml writes them: the rolled archives
 * {@code kiosk.<date>.<n>.log.gz} by date and number, then the active {@code kiosk.log}. A rolled file is renamed to
 * {@code kiosk.<date>.<n>.log<nanos>.tmp} while logback compresses it: one left by a stop in the middle of a compression
 * is read as text in its place (its .gz is cut short), and so is a plain {@code kiosk.<date>.<n>.log} (unpacked by
 * hand).
 */
final class LogFiles {

    /** The system property the package sets; the kiosk's logback.xml reads the same. */
    static final String DIR_PROPERTY = "kiosk.log.dir";
    static final String DIR_ENV = "KIOSK_LOG_DIR";
    static final Path PACKAGE_DIR = Path.of("/var/log/topup-kiosk");
    static final Path DEVELOPER_DIR = Path.of("var/log");
    static final String ACTIVE = "kiosk.log";

    private static final Pattern ROLLED = Pattern.compile("kiosk\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d{1,9})\\.log(\\.gz|\\d+\\.tmp)?");

    /** One file: its path, whether it is gzip, and for an archive its day (empty for the active file). */
    record LogFile(Path path, boolean gzip, Optional<LocalDate> day) {}

    private LogFiles() {}

    /**
     * Where the logs are: {@code --dir}, else the {@code kiosk.log.dir} property, else {@code KIOSK_LOG_DIR}, else the
     * package's /var/log/topup-kiosk when it exists, else the developer's var/log.
     */
    static Path directory(Path option, Function<String, String> properties, Function<String, String> env,
                          Predicate<Path> isDirectory) {
        if (option != null) {
            return option;
        }
        for (String set : new String[] {properties.apply(DIR_PROPERTY), env.apply(DIR_ENV)}) {
            if (set != null && !set.isBlank() && !set.strip().equals("off")) { // scripts/kiosk: off = no files
                return Path.of(set.strip());
            }
        }
        return isDirectory.test(PACKAGE_DIR) ? PACKAGE_DIR : DEVELOPER_DIR;
    }

    /** The files of {@code dir}, oldest first; other files are not the kiosk's and are left out. */
    static List<LogFile> list(Path dir) throws IOException {
        Map<String, LogFile> rolled = new LinkedHashMap<>();
        LogFile active = null;
        List<Path> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : names) {
            String name = p.getFileName().toString();
            if (name.equals(ACTIVE)) {
                active = new LogFile(p, false, Optional.empty());
                continue;
            }
            Matcher m = ROLLED.matcher(name);
            if (!m.matches()) {
                continue;
            }
            Optional<LocalDate> day = day(m.group(1));
            if (day.isEmpty()) {
                continue; // kiosk.2026-13-45.0.log.gz: not a name logback writes
            }
            String slot = m.group(1) + "." + m.group(2);
            boolean gzip = ".gz".equals(m.group(3));
            LogFile f = new LogFile(p, gzip, day);
            if (!gzip || !rolled.containsKey(slot)) { // text (complete) wins over a .gz of the same slot
                rolled.put(slot, f);
            }
        }
        List<LogFile> out = new ArrayList<>(rolled.values());
        out.sort(Comparator.comparing((LogFile f) -> f.day().orElseThrow()).thenComparingInt(LogFiles::number));
        if (active != null) {
            out.add(active);
        }
        return out;
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int number(LogFile f) {
        Matcher m = ROLLED.matcher(f.path().getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }
}
