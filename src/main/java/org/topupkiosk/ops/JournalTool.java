package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.topupkiosk.journal.Journal;
import picocli.CommandLine.Option;

/**
 * A kioskctl subcommand that reads the money journal named by {@code --db}: it is opened for {@link #run} and closed
 * after; exit 1 when there is no journal to read.
 */
abstract class JournalTool extends KioskctlCommand {

    @Option(names = "--db", defaultValue = "var/journal.db", description = "Journal file (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--key", description = "Audit key file (default: keys/<journal file name>.key beside the journal).")
    Path key;

    @Override
    public Integer call() {
        Optional<Journal> opened = ServiceJournal.open(db, key, spec.commandLine().getErr());
        if (opened.isEmpty()) {
            return 1;
        }
        try (Journal journal = opened.get()) {
            return run(journal, spec.commandLine().getOut());
        }
    }

    /** The command's work on the open journal; returns the exit code. */
    abstract int run(Journal journal, PrintWriter out);
}
