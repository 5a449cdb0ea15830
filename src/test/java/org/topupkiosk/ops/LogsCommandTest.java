package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topupkiosk.app.log.JsonLine;
import org.topupkiosk.testing.KioskLogback;
import org.topupkiosk.testing.Kioskctl;

/** {@code kioskctl logs} over real files: archives made here by hand, and files the production logback.xml wrote. */
class LogsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Kioskctl.run(out, err, args);
    }

    private List<String> printed() {
        return out.toString().lines().toList();
    }

    /** One event of a hand-made log: its first line and the lines under it (a stack trace). */
    private record Event(Instant time, String level, String text, List<String> more) {

        List<String> lines(boolean json, ZoneOffset offset) {
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("time", JsonLine.TIME.format(time.atOffset(offset)));
                o.put("level", level);
                o.put("thread", "fx");
                o.put("logger", "org.topupkiosk.flow.Test");
                o.put("message", text);
                if (!more.isEmpty()) {
                    o.put("exception", String.join("\n", more));
                }
                try {
                    return List.of(JSON.writeValueAsString(o));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            List<String> l = new ArrayList<>();
            l.add(JsonLine.TIME.format(time.atOffset(offset)) + " " + String.format("%-5s", level)
                    + " [fx] org.topupkiosk.flow.Test " + text);
            l.addAll(more);
            return l;
        }
    }

    private static List<Event> events(Instant first, int n, Duration step) {
        return IntStream.range(0, n).mapToObj(i -> new Event(first.plus(step.multipliedBy(i)),
                i % 7 == 3 ? "ERROR" : i % 3 == 0 ? "WARN" : "INFO", "event " + i + " txn=T" + i,
                i % 7 == 3 ? List.of("java.lang.IllegalStateException: no " + i, "\tat org.topupkiosk.X.y(X.java:" + i + ")",
                        "Caused by: java.io.IOException: disk") : List.of())).toList();
    }

    private static void write(Path file, List<Event> events, boolean json, boolean gzip, ZoneOffset offset)
            throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (Event e : events) {
            for (String l : e.lines(json, offset)) {
                text.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        try (OutputStream o = Files.newOutputStream(file); OutputStream w = gzip ? new GZIPOutputStream(o) : o) {
            w.write(text.toByteArray());
        }
    }

    /**
     * Archives of three days in .gz, a plain one (unpacked by hand), one whose compression was cut (its .gz half
     * written, its .tmp text kept), the active file, a stranger's file: {@code --since} a time in the middle prints
     * exactly the lines of the events from then on, stack traces with their event, oldest first.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sinceATimePrintsExactlyTheLinesInRangeOverGzipAndPlainFiles(boolean json) throws Exception {
        ZoneOffset msk = ZoneOffset.ofHours(3);
        Instant t0 = OffsetDateTime.parse("2026-12-03T08:00:00+03:00").toInstant();
        List<Event> all = events(t0, 60, Duration.ofMinutes(97));
        write(dir.resolve("kiosk.2026-12-03.0.log.gz"), all.subList(0, 10), json, true, msk);
        write(dir.resolve("kiosk.2026-12-03.1.log.gz"), all.subList(10, 15), json, true, msk);
        write(dir.resolve("kiosk.2026-12-04.0.log.gz"), all.subList(15, 25), json, true, ZoneOffset.UTC);
        write(dir.resolve("kiosk.2026-12-04.1.log"), all.subList(25, 30), json, false, msk);
        write(dir.resolve("kiosk.2026-12-05.0.log2754883310.tmp"), all.subList(30, 40), json, false, msk);
        byte[] cut = Files.readAllBytes(dir.resolve("kiosk.2026-12-03.1.log.gz"));
        Files.write(dir.resolve("kiosk.2026-12-05.0.log.gz"), Arrays.copyOf(cut, cut.length / 2));
        write(dir.resolve("kiosk.2026-12-05.1.log.gz"), all.subList(40, 50), json, true, msk);
        write(dir.resolve("kiosk.log"), all.subList(50, 60), json, false, msk);
        Files.writeString(dir.resolve("notes.txt"), "2026-12-07T00:00:00Z ERROR not the kiosk's\n");

        Instant since = all.get(22).time().minusSeconds(1);
        assertThat(run("logs", "--dir", dir.toString(), "--since", since.atOffset(msk).toString())).isZero();
        List<String> expected = new ArrayList<>();
        all.subList(22, 60).forEach(e -> expected.addAll(e.lines(json, ZoneOffset.UTC)));
        List<String> got = printed();
        assertThat(got).hasSize(expected.size());
        for (int i = 0; i < got.size(); i++) { // the offsets differ by file; the events do not
            assertThat(LogLines.stamp(got.get(i))).isEqualTo(LogLines.stamp(expected.get(i)));
            assertThat(got.get(i).replaceAll("^\\S+ ", "").replaceAll("\"time\":\"[^\"]+\"", ""))
                    .isEqualTo(expected.get(i).replaceAll("^\\S+ ", "").replaceAll("\"time\":\"[^\"]+\"", ""));
        }
        assertThat(err.toString()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("logs", "--dir", dir.toString(), "--since", since.toString(), "--level", "error")).isZero();
        long errors = all.subList(22, 60).stream().filter(e -> e.level().equals("ERROR")).count();
        assertThat(printed()).hasSize((int) errors * (json ? 1 : 4))
                .allMatch(l -> !l.startsWith("20") && !l.startsWith("{") || l.contains("ERROR"));
    }

    @Test
    void aSpanCountsBackFromNowAndTheLevelFilters() throws Exception {
        Instant now = Instant.now();
        List<Event> e = List.of(new Event(now.minusSeconds(3 * 3600), "ERROR", "three hours ago", List.of()),
                new Event(now.minusSeconds(7200), "WARN", "two hours ago", List.of()),
                new Event(now.minusSeconds(50 * 60), "WARN", "fifty minutes ago", List.of("  detail")),
                new Event(now.minusSeconds(60), "INFO", "a minute ago", List.of()));
        write(dir.resolve("kiosk.log"), e, false, false, ZoneOffset.UTC);
        assertThat(run("logs", "--dir", dir.toString(), "--since", "1h")).isZero();
        assertThat(printed()).hasSize(3).allMatch(l -> l.contains("fifty minutes ago") || l.equals("  detail")
                || l.contains("a minute ago"));
        out.getBuffer().setLength(0);
        assertThat(run("logs", "--dir", dir.toString(), "--since", "2h30m", "--level", "WARN")).isZero();
        assertThat(printed()).hasSize(3).anyMatch(l -> l.contains("two hours ago")).noneMatch(l -> l.contains("a minute"));
        out.getBuffer().setLength(0);
        assertThat(run("logs", "--dir", dir.toString())).isZero();
        assertThat(printed()).hasSize(5);
    }

    @Test
    void badOptionsAndAMissingDirectoryAreClearErrors() throws Exception {
        assertThat(run("logs", "--dir", dir.toString(), "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since \"yesterday\": not understood; give a span back from now (90s");
        assertThat(run("logs", "--dir", dir.toString(), "--since", "2026-02-30")).isEqualTo(2);
        assertThat(err.toString()).contains("--since \"2026-02-30\": not a valid time (Invalid date 'FEBRUARY 30')");
        assertThat(run("logs", "--dir", dir.toString(), "--level", "LOUD")).isEqualTo(2);
        assertThat(err.toString()).contains("--level \"LOUD\": give one of TRACE, DEBUG, INFO, WARN, ERROR");
        assertThat(run("logs", "--dir", dir.resolve("nowhere").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no log directory " + dir.resolve("nowhere"), "give --dir DIR");
        assertThat(run("logs", "--dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no kiosk log files (kiosk.log, kiosk.<date>.<n>.log.gz) in " + dir);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anArchiveCutShortIsReadUpToTheCutWithAWarning() throws Exception {
        List<Event> all = events(Instant.parse("2026-12-05T10:00:00Z"), 400, Duration.ofSeconds(1));
        Path whole = dir.resolve("whole.gz");
        write(whole, all, false, true, ZoneOffset.UTC);
        byte[] gz = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(dir.resolve("kiosk.2026-12-05.0.log.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
        assertThat(run("logs", "--dir", dir.toString())).isZero();
        assertThat(err.toString()).contains("kiosk.2026-12-05.0.log.gz is cut short or damaged after "
                + printed().size() + " lines");
        assertThat(printed()).isNotEmpty().isEqualTo(all.stream().flatMap(e -> e.lines(false, ZoneOffset.UTC).stream())
                .limit(printed().size()).toList());
    }

    @Test
    void theDirectoryComesFromTheOptionThePropertyTheEnvironmentOrTheDefaults() {
        Path opt = Path.of("/x/opt");
        assertThat(LogFiles.directory(opt, k -> "/p", k -> "/e", p -> true)).isEqualTo(opt);
        assertThat(LogFiles.directory(null, k -> k.equals("kiosk.log.dir") ? "/p" : null, k -> "/e", p -> true))
                .isEqualTo(Path.of("/p"));
        assertThat(LogFiles.directory(null, k -> null, k -> k.equals("KIOSK_LOG_DIR") ? "/e" : null, p -> true))
                .isEqualTo(Path.of("/e"));
        assertThat(LogFiles.directory(null, k -> null, k -> " ", p -> p.equals(LogFiles.PACKAGE_DIR)))
                .isEqualTo(Path.of("/var/log/topup-kiosk"));
        assertThat(LogFiles.directory(null, k -> null, k -> null, p -> false)).isEqualTo(Path.of("var/log"));
    }

    /**
     * The production logback.xml writes 1 KB files (rolled and gzipped as the kiosk does); {@code --since} the instant
     * between two halves of the run prints exactly the second half, in text and in JSON lines.
     */
    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void sinceOverFilesLogbackWrote(String format) throws Exception {
        List<String> second = new ArrayList<>();
        Instant middle;
        try (KioskLogback logback = new KioskLogback(Map.of("kiosk.log.dir", dir.toString(),
                "kiosk.log.maxFileSize", "1KB", "kiosk.log.format", format))) {
            Logger log = logback.logger("org.topupkiosk.flow.Test");
            for (int i = 0; i < 60; i++) {
                log.info("first half {} txn=A{} {}", i, i, "y".repeat(40));
            }
            Thread.sleep(5);
            middle = Instant.now();
            Thread.sleep(5);
            for (int i = 0; i < 60; i++) {
                String m = "second half " + i + " txn=B" + i + " " + "z".repeat(40);
                second.add(m);
                if (i == 30) {
                    log.error(m, new IllegalStateException("stack\ntrace"));
                } else {
                    log.info(m);
                }
            }
            KioskLogback.awaitCompressions(dir);
        }
        assertThat(LogFiles.list(dir).stream().filter(LogFiles.LogFile::gzip).count()).isGreaterThan(5);

        assertThat(run("logs", "--dir", dir.toString(), "--since", middle.toString())).isZero();
        List<String> got = printed().stream().filter(l -> LogLines.stamp(l) != null).toList();
        assertThat(got).hasSize(60);
        for (int i = 0; i < 60; i++) {
            String message = format.equals("json") ? JSON.readTree(got.get(i)).get("message").asText()
                    : got.get(i).replaceFirst("^.* org\\.topupkiosk\\.flow\\.Test ", "");
            assertThat(message).isEqualTo(second.get(i));
        }
        if (format.equals("text")) {
            assertThat(printed()).contains("java.lang.IllegalStateException: stack", "trace");
        }
    }

    /** --follow prints each line the kiosk writes afterwards exactly once, across rolls of the active file. */
    @Test
    void followPrintsNewLinesOnceAcrossRolls() throws Exception {
        try (KioskLogback logback = new KioskLogback(Map.of("kiosk.log.dir", dir.toString(),
                "kiosk.log.maxFileSize", "1KB"))) {
            Logger log = logback.logger("org.topupkiosk.flow.Test");
            log.info("before");
            Thread follower = new Thread(() -> run("logs", "--dir", dir.toString(), "--follow"));
            follower.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!out.toString().contains("before")) {
                assertThat(System.nanoTime()).as("the follower started").isLessThan(deadline);
                Thread.sleep(20);
            }
            for (int i = 0; i < 80; i++) {
                log.info("follow {} {}", i, "w".repeat(50));
                if (i % 5 == 4) { // at most one roll (5 lines < 1 KB) between two reads of the follower
                    while (!out.toString().contains("follow " + i + " ")) {
                        assertThat(System.nanoTime()).as("the follower printed line %s", i).isLessThan(deadline);
                        Thread.sleep(20);
                    }
                }
            }
            Thread.sleep(3 * LogsCommand.POLL_MS);
            follower.interrupt();
            follower.join(10_000);
            assertThat(follower.isAlive()).isFalse();
        }
        List<String> got = printed().stream().map(l -> l.replaceFirst("^.* org\\.topupkiosk\\.flow\\.Test ", ""))
                .toList();
        List<String> expected = new ArrayList<>(List.of("before"));
        IntStream.range(0, 80).forEach(i -> expected.add("follow " + i + " " + "w".repeat(50)));
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(LogFiles.list(dir)).hasSizeGreaterThan(4);
    }
}
