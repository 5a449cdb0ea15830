package org.topupkiosk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.StatusPrinter2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The production logback.xml (target/classes, not logback-test.xml) loaded into a logger context of its own in the test
 * JVM, with the properties the package sets given as context properties (logback looks them up before the system
 * properties, so nothing global changes): real rolling files, real gzip, real deletion, in a temporary directory.
 */
public final class KioskLogback implements AutoCloseable {

    public final LoggerContext context = new LoggerContext();

    /** Loads logback.xml with {@code properties}; stderr's appender is taken off (quiet tests) once checked there. */
    public KioskLogback(Map<String, String> properties) throws JoranException {
        context.setMDCAdapter(new LogbackMDCAdapter()); // as logback gives the default context
        properties.forEach(context::putProperty);
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(KioskLogback.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("console")).as("stderr stays, for journald").isNotNull();
        root.detachAppender("console");
    }

    public Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The worst status of the configuration (Status.INFO, WARN, ERROR). */
    public int highestStatus() {
        return context.getStatusManager().getCopyOfStatusList().stream().mapToInt(Status::getLevel).max().orElse(0);
    }

    /** Logback's own messages about the configuration, for an assertion's description. */
    public String statuses() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StatusPrinter2 p = new StatusPrinter2();
        p.setPrintStream(new PrintStream(b, true, StandardCharsets.UTF_8));
        p.print(context);
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * Logback compresses each rolled file on a thread of its own (renamed to {@code <archive>.log<nanos>.tmp} first),
     * and its stop waits for the last one only, then interrupts the others: with files of 1 KB many run at once, so a
     * test waits for them all before it stops the context.
     */
    public static void awaitCompressions(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("compressions done within two minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
