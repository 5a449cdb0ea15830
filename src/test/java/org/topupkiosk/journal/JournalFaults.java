package org.topupkiosk.journal;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real SQLite failures for a journal under test, no mocks: another connection holding the write lock past the busy
 * timeout (SQLITE_BUSY), and a page cap on the journal's own connection (SQLITE_FULL, what a full disk gives). Root
 * ignores file permissions, so a read-only directory would prove nothing here.
 */
public final class JournalFaults {

    private JournalFaults() {}

    /** A second connection that takes the write lock ({@code BEGIN EXCLUSIVE}) until closed (then commits). */
    public static AutoCloseable holdWriteLock(Path dbFile) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
        Statement st = c.createStatement();
        st.execute("PRAGMA busy_timeout = 0");
        st.execute("BEGIN EXCLUSIVE");
        return () -> {
            st.execute("COMMIT");
            st.close();
            c.close();
        };
    }

    /**
     * Caps the journal's file at its present size ({@code PRAGMA max_page_count}) and fills its last audit page with
     * the smallest rows, so the next money event, whose audit row is larger, finds no room: SQLITE_FULL.
     *
     * @return the audit rows it took to fill the page
     */
    public static int fill(Journal journal) throws Exception {
        try (Statement st = connection(journal).createStatement()) {
            st.execute("PRAGMA max_page_count = " + pageCount(st));
        }
        for (int i = 0; i < 100_000; i++) {
            try {
                journal.audit("x", null, null);
            } catch (JournalException e) {
                if (!e.getMessage().contains("SQLITE_FULL")) {
                    throw e;
                }
                return i;
            }
        }
        throw new AssertionError("the capped journal never became full");
    }

    /** The disk has room again: the cap goes. */
    public static void makeRoom(Journal journal) throws Exception {
        try (Statement st = connection(journal).createStatement()) {
            st.execute("PRAGMA max_page_count = 1073741823");
        }
    }

    private static long pageCount(Statement st) throws SQLException {
        try (var rs = st.executeQuery("PRAGMA page_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connection(Journal journal) throws ReflectiveOperationException {
        Field f = Journal.class.getDeclaredField("store");
        f.setAccessible(true);
        return ((SqliteStore) f.get(journal)).connection();
    }
}
