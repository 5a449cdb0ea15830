package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kioskctl journal ...}: service commands over the money journal. */
@Command(name = "journal", description = "Inspect the money journal.", mixinStandardHelpOptions = true,
        subcommands = JournalCommand.Verify.class)
public final class JournalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Exit 0 when the journal is sound, 1 on any violation or when there is no journal to check. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the cash invariant, per-order sums, the outbox and the audit hash chain.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--db", defaultValue = "var/journal.db", description = "Journal file (default: ${DEFAULT-VALUE}).")
        Path db;

        @Option(names = "--kiosk-id", defaultValue = "0000",
                description = "Kiosk id; verify does not use it for checks (default: ${DEFAULT-VALUE}).")
        String kioskId;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(db)) {
                // Opening would create an empty journal, which would then "verify" fine: say so instead.
                spec.commandLine().getErr().println("no journal at " + db.toAbsolutePath());
                return 1;
            }
            quietMigrations();
            try (Journal journal = Journal.open(db, kioskId, Clock.systemUTC())) {
                VerifyReport report = journal.verify();
                out.println(report.summary());
                report.violations().forEach(v -> out.println("  " + v));
                out.flush();
                return report.ok() ? 0 : 1;
            }
        }

        /** Flyway logs every check at INFO; on a console that would bury the one line the operator wants. */
        private static void quietMigrations() {
            if (LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
