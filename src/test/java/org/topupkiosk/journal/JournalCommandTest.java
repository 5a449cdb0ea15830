package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
        assertThat(out.toString()).startsWith("journal FAILED").contains("order_cash txn=0042-000001");
    }

    @Test
    void missingFileIsAnErrorNotAnEmptyJournal() {
        Path db = dir.resolve("nope/journal.db");
        assertThat(run("verify", "--db", db.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no journal at");
        assertThat(db.getParent()).doesNotExist();
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
