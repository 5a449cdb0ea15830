package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.AuditHead;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import picocli.CommandLine;

/** {@code kioskctl encash}: the count is read only; --take journals the encashment and prints its report. */
class EncashCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new KioskCtl());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void countsThenTakesAndStartsAgain() throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        try (Journal j = Journal.open(dir.resolve("var/journal.db"), "SIM-0001", Clock.systemUTC())) {
            Order o = j.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
            j.recordStacked(o.txnId(), Money.rub(500), "a");
            j.recordStacked(o.txnId(), Money.rub(500), "b");
            j.recordStacked(o.txnId(), Money.rub(100), "c");
            j.submit(o.txnId(), Money.rub(1100), Money.ZERO_RUB, false, "{\"t\":1}");
        }
        String count = run("encash", "--config", config.toString());
        assertThat(count).contains("note=100 count=1", "note=500 count=2", "next=E-SIM-0001-0001 notes=3 total=1100.00");
        assertThat(run("encash", "--config", config.toString())).as("counting takes nothing").isEqualTo(count);
        String taken = run("encash", "--config", config.toString(), "--take", "--lang", "en");
        assertThat(taken).contains("ENCASHMENT", "E-SIM-0001-0001", "kioskctl", "encashed id=E-SIM-0001-0001 notes=3");
        assertThat(run("encash", "--config", config.toString())).contains("next=E-SIM-0001-0002 notes=0 total=0.00");
        try (Journal j = Journal.open(dir.resolve("var/journal.db"), "SIM-0001", Clock.systemUTC())) {
            assertThat(j.verify().ok()).isTrue();
            // The report carries the audit head as of the encashment, which the journal must still hold.
            Matcher head = Pattern.compile("Journal check[^\\n]*:\\s+(\\d+:[0-9a-f]{16})").matcher(taken);
            assertThat(head.find()).as(taken).isTrue();
            AuditHead paper = AuditHead.parse(head.group(1));
            assertThat(paper.count()).isPositive();
            assertThat(j.verify(paper).ok()).isTrue();
            assertThat(j.verify(new AuditHead(paper.count(), "0".repeat(16))).violations())
                    .extracting(v -> v.check()).containsExactly("audit_rewritten");
        }
    }
}
