package org.topupkiosk.ops;

import java.io.PrintWriter;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.VerifyReport;
import picocli.CommandLine.Command;

/** {@code kioskctl journal ...}: service commands over the money journal. */
@Command(name = "journal", description = "Inspect the money journal.", mixinStandardHelpOptions = true,
        subcommands = JournalCommand.Verify.class)
public final class JournalCommand extends CommandGroup {

    /** Exit 0 when the journal is sound, 1 on any violation or when there is no journal to check. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the cash invariant, per-order sums, the outbox and the audit hash chain.")
    static final class Verify extends JournalTool {

        @Override
        int run(Journal journal, PrintWriter out) {
            VerifyReport report = journal.verify();
            out.println(report.summary());
            report.violations().forEach(v -> out.println("  " + v));
            out.flush();
            return report.ok() ? 0 : 1;
        }
    }
}
