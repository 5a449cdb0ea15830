package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.topupkiosk.journal.AuditHead;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.JournalException;
import org.topupkiosk.journal.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kioskctl journal ...}: service commands over the money journal. */
@Command(name = "journal", description = "Inspect the money journal.", mixinStandardHelpOptions = true,
        subcommands = {JournalCommand.Verify.class, JournalCommand.Backup.class, JournalCheckCommand.class})
public final class JournalCommand extends CommandGroup {

    /** Exit 0 when the journal is sound, 1 on any violation or when there is no journal to check. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the cash invariant, per-order sums, every money row against its audit row, outbox "
                    + "payloads, receipt bodies, triggers, the file's integrity and the keyed audit chain.")
    static final class Verify extends JournalTool {

        @Option(names = "--head", paramLabel = "<rows>:<hash>",
                description = "The audit head printed on a Z or encashment report: the journal must still hold it.")
        String head;

        @Override
        int run(Journal journal, PrintWriter out) {
            AuditHead paper;
            try {
                paper = head == null ? null : AuditHead.parse(head);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
            VerifyReport report = journal.verify(paper);
            out.println(report.summary());
            report.violations().forEach(v -> out.println("  " + v));
            out.println("head " + journal.auditHead().printed());
            out.flush();
            return report.ok() ? 0 : 1;
        }
    }

    /** A consistent copy while the kiosk runs: SQLite's VACUUM INTO, then the audit key and head beside it. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the journal consistently (also while the kiosk runs) with its audit key, owner-only.")
    static final class Backup extends JournalTool {

        @Parameters(index = "0", paramLabel = "<dest>", description = "The new file; its key goes to keys/ beside it.")
        Path dest;

        @Override
        int run(Journal journal, PrintWriter out) {
            try {
                journal.backupTo(dest);
            } catch (JournalException | IllegalArgumentException | IllegalStateException e) {
                spec.commandLine().getErr().println("backup not made: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
            out.println("backup " + dest.toAbsolutePath() + " key " + Journal.defaultKeyFile(dest) + " head "
                    + journal.auditHead().printed());
            out.println("keep the key with the copy: without it the copy cannot be verified");
            out.flush();
            return 0;
        }
    }
}
