package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kioskctl journal ...}: service commands over the money journal. */
@Command(name = "journal", description = "Inspect the money journal.", mixinStandardHelpOptions = true,
        subcommands = JournalCommand.Verify.class)
public final class JournalCommand extends CommandGroup {

    /** Exit 0 when the journal is sound, 1 on any violation or when there is no journal to check. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the cash invariant, per-order sums, the outbox and the audit hash chain.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--db", defaultValue = "var/journal.db", description = "Journal file (default: ${DEFAULT-VALUE}).")
        Path db;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<Journal> opened = ServiceJournal.open(db, spec.commandLine().getErr());
            if (opened.isEmpty()) {
                return 1;
            }
            try (Journal journal = opened.get()) {
                VerifyReport report = journal.verify();
                out.println(report.summary());
                report.violations().forEach(v -> out.println("  " + v));
                out.flush();
                return report.ok() ? 0 : 1;
            }
        }
    }
}
