package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.OutboxConflict;
import org.topupkiosk.journal.OutboxItem;
import org.topupkiosk.journal.OutboxStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl outbox status}: what is waiting to reach the carrier, and why. */
@Command(name = "outbox", description = "Inspect payments waiting for the carrier.", mixinStandardHelpOptions = true,
        subcommands = OutboxCommand.Status.class)
public final class OutboxCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "One summary line, then each pending payment (oldest first), then each payment in CONFLICT.")
    static final class Status extends JournalTool {

        @Option(names = "--limit", defaultValue = "50", description = "Most pending payments to list (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(Journal journal, PrintWriter out) {
            OutboxStatus s = journal.outbox().status();
            out.printf("outbox pending=%d oldest_age_s=%d max_attempts=%d last_error=%s conflicts=%d%n",
                    s.pendingCount(), s.oldestPendingAge().toSeconds(), s.maxAttempts(),
                    s.lastError() == null ? "-" : s.lastError(), s.conflictCount());
            List<OutboxItem> items = journal.outbox().due(Instant.parse("9999-12-31T00:00:00Z"), limit);
            for (OutboxItem i : items) {
                out.printf("  txn=%s attempts=%d next=%s last_error=%s%n", i.txnId(), i.attempts(),
                        i.nextAttemptAt(), i.lastError() == null ? "-" : i.lastError());
            }
            for (OutboxConflict k : journal.outbox().conflicts()) {
                // Not sent again: the carrier holds this txn id for another payment (docs/operations.md).
                out.printf("  CONFLICT txn=%s code=%s at=%s attempts=%d%n", k.txnId(), k.code(), k.at(),
                        k.attempts());
            }
            out.flush();
            return 0;
        }
    }
}
