package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.JournalException;

/**
 * Opens an existing journal for a service command, never creating an empty one that would then "verify" fine, and
 * never making an audit key (a missing key is for verify to report, not to paper over).
 */
final class ServiceJournal {

    private ServiceJournal() {}

    static Optional<Journal> open(Path db, PrintWriter err) {
        return open(db, null, err);
    }

    /** {@code key} null means the default key file beside the journal. */
    static Optional<Journal> open(Path db, Path key, PrintWriter err) {
        if (!Files.isRegularFile(db)) {
            err.println("no journal at " + db.toAbsolutePath());
            err.flush();
            return Optional.empty();
        }
        // Flyway logs every check at INFO; on a console that would bury the one line the operator wants.
        if (LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try {
            return Optional.of(Journal.openToCheck(db, key == null ? Journal.defaultKeyFile(db) : key));
        } catch (JournalException e) {
            err.println("cannot open the journal " + db.toAbsolutePath() + ": " + e.getMessage());
            err.println("what to do: run 'kioskctl journal check --db " + db + "'; keep the kiosk out of service");
            err.flush();
            return Optional.empty();
        }
    }
}
