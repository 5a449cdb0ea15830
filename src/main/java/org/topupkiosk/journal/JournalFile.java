package org.topupkiosk.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.topupkiosk.domain.Money;

/** The journal as a file: opening it, SQLite's own checks of it, and a consistent owner-only copy with its key and head. */
final class JournalFile {

    private JournalFile() {}

    /** The rows {@code PRAGMA quick_check} or {@code integrity_check} gives, without the single "ok" of a sound file. */
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9-]{1,16}");

    /** Opens the journal; {@code forWriting} makes its audit key at first start, else a missing key is only reported. */
    static Journal open(Path dbFile, String kioskId, Clock clock, Path keyFile, boolean forWriting) {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keyFile, "auditKeyFile");
        if (kioskId == null || !KIOSK_ID.matcher(kioskId).matches()) {
            throw new IllegalArgumentException("kiosk id must be 1-16 letters, digits or dashes (as in kiosk.yaml), got '"
                    + kioskId + "'");
        }
        SqliteStore store = SqliteStore.open(dbFile);
        try {
            AuditSeal seal = forWriting ? AuditSeal.forWriting(store, keyFile, clock) : AuditSeal.existing(keyFile);
            return new Journal(store, kioskId, Money.RUB, clock, seal);
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e instanceof JournalException je ? je
                    : new JournalException("cannot prepare the journal statements for " + dbFile, e);
        }
    }

    static List<String> pragmaProblems(Connection c, String pragma) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) {
                String row = rs.getString(1);
                if (!"ok".equalsIgnoreCase(row)) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    /**
     * {@code VACUUM INTO} a new 600 file at {@code dest} (a consistent snapshot while the kiosk keeps writing), then
     * the audit key and head file to where {@link AuditKey#defaultFile} expects them beside {@code dest}. Refuses a
     * {@code dest} that exists, and a journal without its key (the copy could never be checked).
     */
    static Path backup(Connection c, AuditSeal seal, Path dest) throws SQLException {
        if (seal.key() == null) {
            throw new IllegalStateException("the audit key " + seal.keyFile() + " is missing: a copy without it could "
                    + "never be checked; restore the key first");
        }
        Path target = dest.toAbsolutePath();
        Path keyCopy = AuditKey.defaultFile(target);
        Path headCopy = HeadFile.besideKey(keyCopy);
        try {
            if (Files.exists(target) || Files.exists(keyCopy)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a backup never overwrites");
            }
            Files.createDirectories(target.getParent());
            OwnerOnly.createFile(target);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot back up to " + target + ": " + e.getMessage(), e);
        }
        try (PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, target.toString());
            st.executeUpdate();
        }
        try {
            OwnerOnly.restrict(target);
            OwnerOnly.createDirectory(keyCopy.getParent());
            Files.copy(seal.keyFile(), keyCopy, StandardCopyOption.COPY_ATTRIBUTES);
            OwnerOnly.restrict(keyCopy);
            // The copy's own head, not the live file's: the kiosk may have written more since the snapshot.
            try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target)) {
                new HeadFile(headCopy).write(AuditChain.head(copy));
            }
        } catch (IOException e) {
            throw new JournalException("the journal was copied to " + target + " but its key was not: "
                    + e.getMessage(), e);
        }
        return keyCopy;
    }
}
