package org.topupkiosk.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.testing.KioskLogback;

/**
 * The production logback.xml loaded in a logger context of its own ({@link KioskLogback}) with tiny caps and a
 * temporary directory: real rolling, real gzip, real deletion by size and by age, real JSON lines.
 */
class LogbackFilesTest {

    static final Pattern ARCHIVE = Pattern.compile("kiosk\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log\\.gz");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    KioskLogback logback;

    @AfterEach
    void stop() {
        if (logback != null) {
            logback.close();
        }
    }

    private Logger configure(Map<String, String> properties) throws Exception {
        logback = new KioskLogback(properties);
        return logback.logger("org.topupkiosk.flow.Test");
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> ARCHIVE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> group(p, 1)).thenComparing(p -> Integer.parseInt(group(p, 2))))
                    .toList();
        }
    }

    /** Until no compression is running and the folder has not changed for 100 ms: logback's clean-up is done. */
    private void awaitSettled() throws Exception {
        KioskLogback.awaitCompressions(dir);
        long deadline = System.nanoTime() + 30_000_000_000L;
        Map<String, Long> before = listing();
        while (true) {
            Thread.sleep(100);
            KioskLogback.awaitCompressions(dir);
            Map<String, Long> now = listing();
            if (now.equals(before)) {
                return;
            }
            assertThat(System.nanoTime()).as("logback's clean-up settles within 30 s").isLessThan(deadline);
            before = now;
        }
    }

    private Map<String, Long> listing() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                try {
                    out.put(p.getFileName().toString(), Files.size(p));
                } catch (NoSuchFileException gone) {
                    // deleted by the clean-up between the listing and the size: the next listing differs anyway
                }
            }
        }
        return out;
    }

    private static String group(Path p, int g) {
        Matcher m = ARCHIVE.matcher(p.getFileName().toString());
        assertThat(m.matches()).isTrue();
        return m.group(g);
    }

    static List<String> gunzipLines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void withoutTheDirectoryPropertyOnlyStderr() throws Exception {
        logback = new KioskLogback(Map.of());
        Logger root = logback.logger(Logger.ROOT_LOGGER_NAME);
        List<String> names = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            names.add(it.next().getName());
        }
        assertThat(names).as("stderr only; its appender checked and taken off by KioskLogback").isEmpty();
        assertThat(logback.highestStatus()).as(logback.statuses()).isLessThan(Status.WARN);
    }

    @Test
    void rollsBySizeIntoGzipArchivesAndLosesNoLine() throws Exception {
        Logger log = configure(Map.of("kiosk.log.dir", dir.toString(), "kiosk.log.maxFileSize", "1KB"));
        assertThat(logback.highestStatus()).as(logback.statuses()).isLessThan(Status.WARN);
        List<String> sent = IntStream.range(0, 120).mapToObj(i -> "line " + i + " txn=T" + i + " " + "x".repeat(60)).toList();
        sent.forEach(log::info);
        KioskLogback.awaitCompressions(dir);
        logback.close();

        List<Path> archives = archives();
        assertThat(archives.size()).as("120 lines of ~110 bytes over 1 KB files").isGreaterThanOrEqualTo(8);
        List<String> read = new ArrayList<>();
        for (Path a : archives) {
            byte[] head = head(a, 2);
            assertThat(head).as("gzip magic of %s", a).containsExactly(0x1f, 0x8b);
            List<String> lines = gunzipLines(a);
            assertThat(lines.stream().mapToInt(l -> l.length() + 1).sum()).as("one file's text").isLessThanOrEqualTo(1024 + 120);
            read.addAll(lines);
        }
        read.addAll(Files.readAllLines(dir.resolve("kiosk.log")));
        assertThat(read).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(read.get(i)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  \\[.*\\] "
                    + "org.topupkiosk.flow.Test " + Pattern.quote(sent.get(i)));
        }
    }

    /**
     * Logback applies the cap at each roll, on a thread of its own, while the previous archive may still be compressing.
     * Logging everything at once let the clean-up of one roll race the next rolls (in 1 of 4 runs it counted a
     * half-written archive). Here the lines come in small batches and each batch waits until compression and clean-up
     * have settled, as they do on a kiosk, where rolls are minutes apart; then the cap holds exactly.
     */
    @Test
    void theTotalSizeCapDeletesTheOldestArchives() throws Exception {
        Logger log = configure(Map.of("kiosk.log.dir", dir.toString(), "kiosk.log.maxFileSize", "1KB",
                "kiosk.log.totalSizeCap", "3KB"));
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[60]; // does not compress, so the archives fill the cap
            r.nextBytes(noise);
            log.info("line {} {}", i, Base64.getEncoder().encodeToString(noise));
            if (i % 5 == 4) { // a roll every ~7 lines: at most one roll per batch
                awaitSettled();
            }
        }
        awaitSettled();
        logback.close();

        List<Path> archives = archives();
        long total = 0;
        for (Path a : archives) {
            total += Files.size(a);
        }
        assertThat(archives).as("the newest archives stay").isNotEmpty();
        // Logback applies the cap at each roll, before the archive of that roll is compressed: the archives the last
        // clean-up saw fit under the cap, and the newest one comes on top of them.
        long newestSize = Files.size(archives.get(archives.size() - 1));
        assertThat(total - newestSize).as("archives before the newest kept under 3 KB").isLessThanOrEqualTo(3 * 1024);
        int newest = Integer.parseInt(group(archives.get(archives.size() - 1), 2));
        int oldest = Integer.parseInt(group(archives.get(0), 2));
        assertThat(newest).as("200 lines of ~150 bytes make ~25 archives").isGreaterThan(20);
        assertThat(oldest).as("the first ones are gone").isGreaterThan(12);
        List<String> last = gunzipLines(archives.get(archives.size() - 1));
        List<String> active = Files.readAllLines(dir.resolve("kiosk.log"));
        assertThat(active.get(active.size() - 1)).contains("line 199 ");
        int lastArchived = Integer.parseInt(last.get(last.size() - 1).replaceAll(".* line (\\d+) .*", "$1"));
        assertThat(active.get(0)).as("the active file continues the newest archive").contains("line " + (lastArchived + 1) + " ");
    }

    @Test
    void maxHistoryRemovesArchivesOlderThanItsDaysAtStart() throws Exception {
        LocalDate today = LocalDate.now();
        Path old = dir.resolve("kiosk." + today.minusDays(20) + ".0.log.gz");
        Path older = dir.resolve("kiosk." + today.minusDays(15) + ".3.log.gz");
        Path recent = dir.resolve("kiosk." + today.minusDays(3) + ".0.log.gz");
        Path unrelated = dir.resolve("notes.txt");
        for (Path p : List.of(old, older, recent, unrelated)) {
            Files.write(p, new byte[] {0x1f, (byte) 0x8b});
        }
        Logger log = configure(Map.of("kiosk.log.dir", dir.toString(), "kiosk.log.maxHistory", "14"));
        log.info("started");
        logback.close(); // waits for the clean-up at start

        assertThat(old).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(recent).exists();
        assertThat(unrelated).exists();
        assertThat(Files.readString(dir.resolve("kiosk.log"))).contains("started");
    }

    @Test
    void jsonLinesAreOneObjectPerEventWithTheStackTraceInside() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        Logger log = configure(Map.of("kiosk.log.dir", dir.toString(), "kiosk.log.format", "json"));
        assertThat(logback.highestStatus()).as(logback.statuses()).isLessThan(Status.WARN);
        log.info("payment sent txn={} screen={}: ok", "K1-7", "DONE");
        log.warn("two\nlines and \"quotes\", Анна 李");
        log.error("journal cannot write txn=K1-8", new IllegalStateException("disk\nfull", new RuntimeException("SQLITE_FULL")));
        logback.close();
        Instant after = Instant.now().plusMillis(1);

        List<String> lines = Files.readAllLines(dir.resolve("kiosk.log"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.isObject()).isTrue();
            assertThat(n.fieldNames()).toIterable().contains("time", "level", "thread", "logger", "message");
            Instant t = OffsetDateTime.parse(n.get("time").asText()).toInstant();
            assertThat(t).isBetween(before, after);
            assertThat(n.get("logger").asText()).isEqualTo("org.topupkiosk.flow.Test");
            events.add(n);
        }
        assertThat(events.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(events.get(0).get("kv").get("txn").asText()).isEqualTo("K1-7");
        assertThat(events.get(0).get("kv").get("screen").asText()).isEqualTo("DONE");
        assertThat(events.get(0).has("exception")).isFalse();
        assertThat(events.get(1).get("message").asText()).isEqualTo("two\nlines and \"quotes\", Анна 李");
        assertThat(events.get(1).has("kv")).isFalse();
        JsonNode error = events.get(2);
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("kv").get("txn").asText()).isEqualTo("K1-8");
        assertThat(error.get("exception").asText())
                .startsWith("java.lang.IllegalStateException: disk\nfull\n\tat ")
                .contains("Caused by: java.lang.RuntimeException: SQLITE_FULL")
                .contains(LogbackFilesTest.class.getName() + ".jsonLinesAreOneObjectPerEventWithTheStackTraceInside");
    }

    @Test
    void anUnknownFormatIsAnErrorNamingThePropertyAndTheFileStillGetsText() throws Exception {
        Logger log = configure(Map.of("kiosk.log.dir", dir.toString(), "kiosk.log.format", "xml"));
        assertThat(logback.statuses()).contains("kiosk.log.format: \"xml\" is neither text nor json");
        assertThat(logback.highestStatus()).isEqualTo(Status.ERROR);
        log.warn("still written");
        logback.close();
        assertThat(Files.readString(dir.resolve("kiosk.log"))).matches("\\S+ WARN  \\[.*\\] org.topupkiosk.flow.Test still written\n");
    }

    private static byte[] head(Path p, int n) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(n);
        }
    }
}
