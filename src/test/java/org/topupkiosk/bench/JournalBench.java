package org.topupkiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Confirmation;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;

/**
 * Latency of one money-event commit (recordStacked: note row, order update, audit row, fsync) against a bare
 * one-row INSERT commit with the same pragmas, so the journal's own overhead shows apart from the disk's.
 * Prints name=value lines. Usage: JournalBench [commits] [dir].
 */
public final class JournalBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("journal-bench");
        Files.createDirectories(dir);
        for (String name : List.of("journal.db", "bare.db", "confirm.db")) {
            // "a fresh file" each run: an old journal would still hold the OPEN order and the same note ids
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve(name + suffix));
            }
        }
        int warmup = Math.max(50, n / 10);

        double[] journal = journalCommits(dir.resolve("journal.db"), n, warmup);
        double[] bare = bareInserts(dir.resolve("bare.db"), n, warmup);
        print("journal_commit_p50_ms", percentile(journal, 50));
        print("journal_commit_p99_ms", percentile(journal, 99));
        print("bare_insert_p50_ms", percentile(bare, 50));
        print("bare_insert_p99_ms", percentile(bare, 99));
        print("journal_commit_p99_ratio", percentile(journal, 99) / percentile(bare, 99));
        print("journal_confirm_batch_per_s", confirmBatchRate(dir.resolve("confirm.db"), 500));
        System.out.println("commits=" + n);
        System.out.println("dir=" + dir.toAbsolutePath());
    }

    private static double[] journalCommits(Path db, int n, int warmup) {
        try (Journal journal = Journal.open(db, "0001", Clock.systemUTC())) {
            Order order = journal.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
            Money note = Money.rub(100);
            for (int i = 0; i < warmup; i++) {
                journal.recordStacked(order.txnId(), note, "warm-" + i);
            }
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                journal.recordStacked(order.txnId(), note, "note-" + i);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            return ms;
        }
    }

    /** Confirmations per second through confirmAll, the sync dispatcher's path: one transaction per batch. */
    private static double confirmBatchRate(Path db, int batch) {
        try (Journal journal = Journal.open(db, "0001", Clock.systemUTC())) {
            List<Confirmation> confirmations = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                Order order = journal.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
                journal.recordStacked(order.txnId(), Money.rub(100), "c-" + i);
                journal.submit(order.txnId(), Money.rub(100), Money.zero(Money.RUB), false, "{}");
                confirmations.add(new Confirmation(order.txnId(), "ref-" + i));
            }
            long t0 = System.nanoTime();
            journal.confirmAll(confirmations);
            return batch / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double[] bareInserts(Path db, int n, int warmup) throws Exception {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "5000");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), p)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, note_id TEXT UNIQUE, amount INTEGER)");
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t (note_id, amount) VALUES (?, ?)")) {
                for (int i = 0; i < warmup; i++) {
                    insert(ins, "warm-" + i);
                }
                double[] ms = new double[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    insert(ins, "note-" + i);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                return ms;
            }
        }
    }

    private static void insert(PreparedStatement ins, String noteId) throws Exception {
        ins.setString(1, noteId);
        ins.setLong(2, 10_000);
        ins.executeUpdate(); // auto-commit: one transaction and one fsync per row, like a money event
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void print(String name, double value) {
        System.out.println(name + "=" + String.format(Locale.ROOT, "%.3f", value));
    }
}
