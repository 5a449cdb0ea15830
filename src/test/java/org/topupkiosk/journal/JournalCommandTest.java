package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.ops.JournalCommand;
import picocli.CommandLine;

/** The ops command lives in org.topupkiosk.ops but only exists to run the journal's verify, so it is tested here. */
class JournalCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void soundJournalPrintsTheSummaryAndExitsZero() {
        Path db = filledJournal();
        assertThat(run("verify", "--db", db.toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith("journal ok orders=1 stacked=100.00 RUB");
    }

    @Test
    void violationsArePrintedAndExitOne() throws Exception {
        Path db = filledJournal();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.executeUpdate("UPDATE orders SET cash_minor = 1");
        }
        assertThat(run("verify", "--db", db.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("journal FAILED").containsPattern("order_cash txn=0042-[0-9a-f]{12}-000001");
    }

    @Test
    void missingFileIsAnErrorNotAnEmptyJournal() {
        Path db = dir.resolve("nope/journal.db");
        assertThat(run("verify", "--db", db.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no journal at");
        assertThat(db.getParent()).doesNotExist();
    }

    @Test
    void withoutTheKeyVerifyAndCheckSayTheKeyIsMissing() throws Exception {
        Path db = filledJournal();
        Files.delete(Journal.defaultKeyFile(db));
        assertThat(run("verify", "--db", db.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("journal FAILED").contains("audit_key key file").contains("missing");
        out.getBuffer().setLength(0);
        assertThat(run("check", "--db", db.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("file: sound").contains("The audit key is missing");
        assertThat(Journal.defaultKeyFile(db)).as("a check never makes a key").doesNotExist();
    }

    @Test
    void verifyAgainstAHeadFromPaperCatchesACutTail() throws Exception {
        Path db = filledJournal();
        AuditHead paper;
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            paper = j.auditHead();
        }
        assertThat(run("verify", "--db", db.toString(), "--head", paper.printed())).isEqualTo(0);
        assertThat(out.toString()).contains("head " + paper.printed());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER audit_no_delete");
            st.executeUpdate("DELETE FROM audit WHERE seq = " + paper.count());
            st.executeUpdate("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                    + "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END");
        }
        Files.delete(HeadFile.besideKey(Journal.defaultKeyFile(db)));
        out.getBuffer().setLength(0);
        assertThat(run("verify", "--db", db.toString(), "--head", paper.printed())).isEqualTo(1);
        assertThat(out.toString()).contains("audit_truncated audit seq=" + paper.count());
        assertThat(run("verify", "--db", db.toString(), "--head", "12:xyz")).isEqualTo(2);
        assertThat(err.toString()).contains("<rows>:");
    }

    @Test
    void backupIsAConsistentOwnerOnlyCopyWithItsKeyAndChecksClean() throws Exception {
        Path db = filledJournal();
        Path dest = dir.resolve("copies/journal-backup.db");
        assertThat(run("backup", "--db", db.toString(), dest.toString())).isEqualTo(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-------");
        Path key = Journal.defaultKeyFile(dest);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).isEqualTo(Files.readString(Journal.defaultKeyFile(db)));
        out.getBuffer().setLength(0);
        assertThat(run("check", "--db", dest.toString())).as(out.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("file: sound").contains("nothing to do");
        assertThat(run("backup", "--db", db.toString(), dest.toString())).as("never overwrites").isEqualTo(1);
        assertThat(err.toString()).contains("backup not made");
    }

    @Test
    void checkSaysWhatIsWrongAndWhatToDo() throws Exception {
        Path db = filledJournal();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER refunds_no_update");
        }
        assertThat(run("check", "--db", db.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("trigger_missing trigger refunds_no_update on refunds")
                .contains("what to do:").contains("changed outside the kiosk");
    }

    private Path filledJournal() {
        Path db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(db, "0042", Clock.systemUTC())) {
            Order order = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
            journal.recordStacked(order.txnId(), Money.rub(100), "n1");
        }
        return db;
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new JournalCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
