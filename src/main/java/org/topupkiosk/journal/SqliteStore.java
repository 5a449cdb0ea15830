package org.topupkiosk.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

/**
 * The one SQLite connection of a journal, and the lock that serializes its users (flow thread, sync thread, ops
 * tools). Every write is one explicit {@code BEGIN IMMEDIATE ... COMMIT}: immediate so a second process (kioskctl)
 * waits on busy_timeout at the start instead of failing half-way on a lock upgrade.
 */
final class SqliteStore implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs after each commit of {@link #write}, under the lock; its failure is logged, the commit stands. */
    @FunctionalInterface
    interface AfterCommit {
        void run(Connection c) throws SQLException;
    }

    private final Connection connection;
    private final Statement control;
    private AfterCommit afterCommit = c -> { };
    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;

    private SqliteStore(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.control = connection.createStatement();
    }

    static SqliteStore open(Path file) {
        try {
            // Credit codes, e-PINs and activation codes live here: the directory 700, the file 600 before SQLite opens
            // it (SQLite gives the WAL and SHM the database file's mode), and anything looser is narrowed.
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                OwnerOnly.directory(parent);
            }
            OwnerOnly.file(file);
            OwnerOnly.narrowIfPresent(sibling(file, "-wal"));
            OwnerOnly.narrowIfPresent(sibling(file, "-shm"));
        } catch (IOException e) {
            throw new JournalException("cannot create the journal owner-only at " + file, e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            migrate(url);
            Connection c = DriverManager.getConnection(url, pragmas());
            SqliteStore store = new SqliteStore(file, c);
            store.checkPragmas();
            return store;
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw new DamagedJournalException(file, List.of(String.valueOf(e.getMessage())), e);
            }
            throw new JournalException("cannot open the journal " + file, e);
        }
    }

    /** SQLITE_CORRUPT (11) or SQLITE_NOTADB (26), extended codes included: the file, not the setup, is wrong. */
    static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        return primary == 11 || primary == 26;
    }

    /** {@code PRAGMA quick_check}: empty when the file is sound, else SQLite's problems, one per line. */
    List<String> quickCheck() {
        return read("quick check", c -> {
            List<String> problems = new ArrayList<>();
            try (var rs = control.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equalsIgnoreCase(line)) {
                        problems.add(line);
                    }
                }
            } catch (SQLException e) {
                if (!isDamage(e)) {
                    throw e;
                }
                problems.add(e.getMessage());
            }
            return problems;
        });
    }

    /** The journal's WAL or SHM file: the database file's name with {@code suffix}. */
    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * WAL with synchronous=FULL: a commit is on disk when it returns (the rule "written before the screen shows the
     * new total"), and readers never block the writer.
     */
    static Properties pragmas() {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "5000");
        return p;
    }

    /**
     * The newest migration under db/migration. A journal already at this version opens without starting Flyway,
     * which costs about 0.4 s of a 2 s cold-start budget; a test keeps this constant equal to the newest file.
     */
    static final String SCHEMA_VERSION = "10";

    private static void migrate(String url) throws SQLException {
        if (schemaIsCurrent(url)) {
            return;
        }
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** True when Flyway's history says every migration up to {@link #SCHEMA_VERSION} succeeded and none failed. */
    static boolean schemaIsCurrent(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                    + "AND name = 'flyway_schema_history'")) {
                if (!rs.next()) {
                    return false;
                }
            }
            try (var rs = st.executeQuery("SELECT (SELECT count(*) FROM flyway_schema_history WHERE success = 0), "
                    + "(SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL "
                    + "ORDER BY installed_rank DESC LIMIT 1)")) {
                return rs.next() && rs.getInt(1) == 0 && SCHEMA_VERSION.equals(rs.getString(2));
            }
        }
    }

    private void checkPragmas() throws SQLException {
        String mode = queryString("PRAGMA journal_mode");
        if (!"wal".equalsIgnoreCase(mode)) {
            throw new SQLException("journal_mode is " + mode + ", expected wal (is the file system local?)");
        }
        if (!"1".equals(queryString("PRAGMA foreign_keys"))) {
            throw new SQLException("foreign_keys is off");
        }
    }

    private String queryString(String sql) throws SQLException {
        try (var rs = control.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    /** Runs {@code work} as one write transaction; any exception rolls it back and propagates. */
    <T> T write(String what, Work<T> work) {
        lock.lock();
        try {
            control.execute("BEGIN IMMEDIATE");
            boolean done = false;
            try {
                T result = work.run(connection);
                control.execute("COMMIT");
                done = true;
                runAfterCommit();
                return result;
            } finally {
                if (!done) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw new JournalException(what + " failed and was rolled back: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    void afterCommit(AfterCommit hook) {
        afterCommit = hook;
    }

    private void runAfterCommit() {
        try {
            afterCommit.run(connection);
        } catch (SQLException | RuntimeException e) {
            LoggerFactory.getLogger(Journal.class).warn("after-commit step failed file={} error={}", file, e.toString());
        }
    }

    /** Runs {@code work} in one read transaction, so multi-query reports see one snapshot. */
    <T> T read(String what, Work<T> work) {
        lock.lock();
        try {
            control.execute("BEGIN");
            try {
                return work.run(connection);
            } finally {
                rollbackQuietly();
            }
        } catch (SQLException e) {
            throw new JournalException(what + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} under the lock outside any transaction (VACUUM INTO must run so). */
    <T> T locked(String what, Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JournalException(what + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // The original failure is what matters; if SQLite already ended the transaction there is nothing to undo.
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            control.close();
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close the journal " + file, e);
        } finally {
            lock.unlock();
        }
    }
}
