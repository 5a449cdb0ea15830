package org.topupkiosk.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * The journal file is damaged: SQLite calls it corrupt or not a database, or {@code PRAGMA quick_check} found problems.
 * The kiosk must not take cash on it; this is not a configuration problem, and a technician restores the journal from
 * its backup (or has it repaired) before the kiosk starts again.
 */
public final class DamagedJournalException extends RuntimeException {

    private final Path file;
    private final List<String> problems;

    public DamagedJournalException(Path file, List<String> problems, Throwable cause) {
        super("the journal " + file + " is damaged: " + String.join("; ", problems.subList(0, Math.min(5,
                problems.size()))) + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : ""), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    /** What SQLite reported, one problem a line (quick_check's own words). */
    public List<String> problems() {
        return problems;
    }
}
