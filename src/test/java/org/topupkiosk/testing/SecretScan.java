package org.topupkiosk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.topupkiosk.app.log.KioskLogEncoder;

/**
 * Every log line of a run, captured at DEBUG on the root logger (attached in code, whatever logback-test.xml says, and
 * the console quiet meanwhile), and the secrets the run left in its journal: credit and claim codes, e-PINs,
 * activation codes, full numbers. {@link #leaks} names each line that carries one, in full or with its spaces and
 * dashes taken out (a PIN printed in groups). The same events also go through the kiosk's file encoder, in text and in
 * JSON lines, into files of a temporary directory, and those lines (stack traces included) are scanned too.
 */
public final class SecretScan implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level level;
    private final List<Appender<ILoggingEvent>> quieted = new ArrayList<>();
    private final List<FileAppender<ILoggingEvent>> files = new ArrayList<>();
    private final Path fileDir;

    public SecretScan() {
        level = root.getLevel();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            quieted.add(it.next());
        }
        quieted.forEach(root::detachAppender);
        appender.start();
        root.addAppender(appender);
        try {
            fileDir = Files.createTempDirectory("secret-scan");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String format : List.of("text", "json")) {
            KioskLogEncoder encoder = new KioskLogEncoder();
            encoder.setContext(root.getLoggerContext());
            encoder.setFormat(format);
            encoder.start();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(root.getLoggerContext());
            file.setName("secret-scan-" + format);
            file.setFile(fileDir.resolve("kiosk." + format).toString());
            file.setEncoder(encoder);
            file.start();
            root.addAppender(file);
            files.add(file);
        }
        root.setLevel(Level.DEBUG);
    }

    /** The lines the kiosk's file encoder wrote, text then JSON. */
    public List<String> fileLines() {
        List<String> out = new ArrayList<>();
        try {
            for (FileAppender<ILoggingEvent> f : files) {
                out.addAll(Files.readAllLines(Path.of(f.getFile()), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The captured lines so far, each as its message and its exception's messages. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : events) {
            StringBuilder sb = new StringBuilder(e.getLoggerName()).append(": ").append(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append(" | ").append(t.getMessage());
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Each "secret <- line" where a captured line carries one of {@code secrets}. */
    public List<String> leaks(Set<String> secrets) {
        List<String> out = new ArrayList<>();
        List<String> all = new ArrayList<>(lines());
        all.addAll(fileLines());
        for (String line : all) {
            String squeezed = line.replaceAll("[\\s-]", "");
            for (String s : secrets) {
                if (line.contains(s) || squeezed.contains(s)) {
                    out.add(s + " <- " + line);
                }
            }
        }
        return out;
    }

    /**
     * The secrets a journal holds: credit voucher codes, goods claim codes, e-PINs and activation codes, and every full
     * number (E.164 and its ten national digits) of orders, goods and service requests.
     */
    public static Set<String> secretsIn(Path journalFile) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journalFile);
             Statement st = c.createStatement()) {
            collect(st, "SELECT code FROM customer_credits", out);
            collect(st, "SELECT claim_code FROM goods_claims", out);
            collect(st, "SELECT secret FROM issued_goods", out);
            Set<String> numbers = new LinkedHashSet<>();
            collect(st, "SELECT msisdn FROM orders WHERE msisdn IS NOT NULL", numbers);
            collect(st, "SELECT msisdn FROM issued_goods WHERE msisdn IS NOT NULL", numbers);
            collect(st, "SELECT msisdn FROM service_numbers", numbers);
            for (String n : numbers) {
                out.add(n);
                out.add(n.substring(2));
            }
        }
        return out;
    }

    private static void collect(Statement st, String sql, Set<String> into) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        for (FileAppender<ILoggingEvent> f : files) {
            root.detachAppender(f);
            f.stop();
            try {
                Files.deleteIfExists(Path.of(f.getFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.deleteIfExists(fileDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        quieted.forEach(root::addAppender);
        root.setLevel(level);
    }
}
