package org.topupkiosk.ops;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.topupkiosk.ops.LogFiles.LogFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl logs}: the kiosk's log lines, oldest first, from the rolled {@code .gz} archives and the active file,
 * text or JSON lines alike, from a time on ({@code --since}) and at a level and above ({@code --level}); with
 * {@code --follow} it then prints new lines as the kiosk writes them, across rolls, until stopped.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the kiosk's log lines (rolled .gz files and the current one), oldest first.")
public final class LogsCommand extends KioskctlCommand {

    /** How often --follow looks for new lines. */
    static final long POLL_MS = 250;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only lines from then on: 90s, 30m, 1h, 2d, 1w, 1h30m back, or a time: 2026-12-07, "
                    + "2026-12-07T10:00 (local), 2026-12-07T10:00:00+03:00.")
    String since;

    @Option(names = "--dir", paramLabel = "DIR", description = "Log directory (default: -Dkiosk.log.dir, else "
            + "$KIOSK_LOG_DIR, else /var/log/topup-kiosk when it exists, else var/log).")
    Path dir;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Only events at this level and above: "
            + "TRACE, DEBUG, INFO, WARN, ERROR.")
    String level;

    @Option(names = {"-f", "--follow"}, description = "Then print new lines as they come, until stopped (Ctrl+C).")
    boolean follow;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from;
        int min;
        try {
            from = since == null ? null : Since.parse(since, Instant.now(), ZoneId.systemDefault());
            min = level == null ? 0 : LogLines.level(level);
        } catch (IllegalArgumentException e) {
            err.println("kioskctl logs: " + e.getMessage());
            err.flush();
            return 2;
        }
        Path d = LogFiles.directory(dir, System::getProperty, System::getenv, Files::isDirectory);
        if (!Files.isDirectory(d)) {
            err.println("kioskctl logs: no log directory " + d + " (the kiosk writes its files where -D"
                    + LogFiles.DIR_PROPERTY + " points, /var/log/topup-kiosk when installed); give --dir DIR");
            err.flush();
            return 1;
        }
        try {
            return print(d, from, min, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int print(Path d, Instant from, int min, PrintWriter out, PrintWriter err) {
        List<LogFile> files;
        try {
            files = LogFiles.list(d);
        } catch (IOException e) {
            err.println("kioskctl logs: cannot list " + d + ": " + e);
            return 1;
        }
        if (files.isEmpty()) {
            err.println("kioskctl logs: no kiosk log files (kiosk.log, kiosk.<date>.<n>.log.gz) in " + d);
            return 1;
        }
        LogLines lines = new LogLines(from, min, out::println);
        // An archive is named by the day its lines were written (local time): older days cannot hold a line in range.
        LocalDate firstDay = from == null ? LocalDate.MIN : from.atZone(ZoneId.systemDefault()).toLocalDate().minusDays(1);
        int status = 0;
        for (LogFile f : files) {
            if (f.day().isPresent() && f.day().get().isBefore(firstDay)) {
                continue;
            }
            if (f.day().isEmpty()) {
                continue; // the active file: read last, by the tail that --follow goes on with
            }
            status |= readArchive(f, lines, err);
        }
        Path active = d.resolve(LogFiles.ACTIVE);
        try (LogTail tail = new LogTail(active)) {
            tail.poll(lines::accept);
            if (!follow) {
                tail.rest(lines::accept);
                report(lines, err);
                return status;
            }
            out.flush();
            report(lines, err);
            err.flush();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(POLL_MS);
                tail.poll(lines::accept);
                out.flush();
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status;
        } catch (IOException e) {
            err.println("kioskctl logs: cannot read " + active + ": " + e);
            return 1;
        }
    }

    private static int readArchive(LogFile f, LogLines lines, PrintWriter err) {
        long n = 0;
        try (InputStream raw = Files.newInputStream(f.path());
             CutShort in = new CutShort(f.gzip() ? new GZIPInputStream(raw, 64 * 1024) : raw);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024)) {
            String held = null; // a line is given out once the next one is read: the last of a cut file is a fragment
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (held != null) {
                    lines.accept(held);
                    n++;
                }
                held = line;
            }
            if (in.cut == null && held != null) {
                lines.accept(held);
            } else if (in.cut != null) {
                // A compression stopped midway (the kiosk stopped while rolling): its .tmp text is read instead when kept.
                err.println("kioskctl logs: " + f.path() + " is cut short or damaged after " + n + " lines ("
                        + in.cut.getMessage() + ")");
            }
            return 0;
        } catch (EOFException | ZipException e) {
            err.println("kioskctl logs: " + f.path() + " is not a whole gzip file (" + e.getMessage() + ")");
            return 0;
        } catch (IOException e) {
            err.println("kioskctl logs: cannot read " + f.path() + ": " + e);
            return 1;
        }
    }

    /** A gzip stream that ends, instead of failing, where its file was cut or damaged, and says so. */
    private static final class CutShort extends FilterInputStream {

        IOException cut;

        CutShort(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cut != null) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                cut = e;
                return -1;
            }
        }
    }

    private static void report(LogLines lines, PrintWriter err) {
        if (lines.unstamped() > 0) {
            err.println("kioskctl logs: " + lines.unstamped() + " lines before the first dated one were left out");
        }
    }
}
