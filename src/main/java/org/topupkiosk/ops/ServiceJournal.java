package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.topupkiosk.journal.Journal;

/** Opens an existing journal for a service command, never creating an empty one that would then "verify" fine. */
final class ServiceJournal {

    private ServiceJournal() {}

    static Optional<Journal> open(Path db, PrintWriter err) {
        if (!Files.isRegularFile(db)) {
            err.println("no journal at " + db.toAbsolutePath());
            err.flush();
            return Optional.empty();
        }
        // Flyway logs every check at INFO; on a console that would bury the one line the operator wants.
        if (LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        return Optional.of(Journal.open(db, "0000", Clock.systemUTC()));
    }
}
