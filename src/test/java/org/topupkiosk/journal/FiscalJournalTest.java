package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * Schema V9 and `journal verify`'s fiscal check: with fiscal registration on, every paid order has its document (or an
 * open intent, reported), a document's sum is its intent's and its order's, and rows edited or deleted behind the
 * journal's back are named by table and row.
 */
class FiscalJournalTest {

    static final FiscalRecord DOC = new FiscalRecord("9999078900012345", 7, 3_141_592_653L, "2026-12-07T07:41:00",
            60_000, 3, false);

    @TempDir
    Path dir;
    Journal journal;

    @BeforeEach
    void open() {
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    /** A top-up of 570 + 30 fee paid with 600, submitted. */
    private String paid() {
        Order o = journal.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(600), o.txnId() + "-n");
        return o.txnId();
    }

    private void submit(String txn) {
        journal.submit(txn, Money.rub(570), Money.rub(30), false, JournalTest.PAYLOAD);
    }

    private FiscalIntent intend(String txn) {
        return journal.fiscal().intend(txn, FiscalIntent.INCOME, 60_000, 6, "{\"sign\":\"INCOME\"}");
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal.file());
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    @Test
    void withFiscalOffNothingIsAskedAndTheSummaryIsUnchanged() {
        journal.fiscal().recordMode("none");
        String txn = paid();
        submit(txn);
        VerifyReport r = journal.verify();
        assertThat(r.ok()).as(r.violations().toString()).isTrue();
        assertThat(r.summary()).doesNotContain("fiscal");
        assertThat(journal.fiscal().mode()).isEmpty();
    }

    @Test
    void aPaidOrderWithoutItsDocumentIsNamed() {
        journal.fiscal().recordMode("shtrih");
        String txn = paid();
        submit(txn);
        VerifyReport r = journal.verify();
        assertThat(r.violations()).extracting(Violation::check).containsExactly("fiscal_missing");
        assertThat(r.violations().get(0).where()).isEqualTo("fiscal_documents txn=" + txn);
        assertThat(r.violations().get(0).detail()).contains("PENDING").contains("60000");
    }

    @Test
    void anOpenIntentIsReportedNotFailedAndItsDocumentClosesIt() {
        journal.fiscal().recordMode("shtrih");
        String txn = paid();
        FiscalIntent intent = intend(txn);
        assertThat(intend(txn)).as("a repeat answers the first intent").isEqualTo(intent);
        submit(txn);
        VerifyReport open = journal.verify();
        assertThat(open.ok()).as(open.violations().toString()).isTrue();
        assertThat(open.summary()).contains("fiscal_open_intents=1");
        assertThat(journal.fiscal().openIntents()).containsExactly(intent);

        journal.fiscal().recordDocument(intent.id(), DOC);
        journal.fiscal().recordDocument(intent.id(), DOC); // a repeat is harmless
        assertThat(journal.fiscal().document(txn, FiscalIntent.INCOME)).contains(DOC);
        assertThat(journal.fiscal().openIntents()).isEmpty();
        assertThat(journal.fiscal().lastDocumentNumber(DOC.fnSerial())).isEqualTo(7);
        VerifyReport done = journal.verify();
        assertThat(done.ok()).as(done.violations().toString()).isTrue();
        assertThat(done.summary()).contains("fiscal_documents=1 fiscal_open_intents=0");

        assertThatThrownBy(() -> journal.fiscal().recordDocument(intent.id(), new FiscalRecord(DOC.fnSerial(), 8, 1,
                DOC.docTime(), 60_000, 3, false))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.fiscal().recordFailure(intent.id(), "late"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDocumentEditedBehindTheJournalsBackIsNamed() throws Exception {
        journal.fiscal().recordMode("shtrih");
        String txn = paid();
        FiscalIntent intent = intend(txn);
        journal.fiscal().recordDocument(intent.id(), DOC);
        submit(txn);
        assertThatThrownBy(() -> sql("UPDATE fiscal_documents SET sum_minor = 100")).hasMessageContaining(
                "append-only");
        sql("DROP TRIGGER fiscal_documents_no_update", "UPDATE fiscal_documents SET sum_minor = 100");
        VerifyReport r = journal.verify();
        assertThat(r.violations()).extracting(Violation::check)
                .contains("fiscal_sum", "trigger_missing");
        assertThat(r.violations()).filteredOn(v -> v.check().equals("fiscal_sum"))
                .allSatisfy(v -> assertThat(v.where()).startsWith("fiscal_documents id=").endsWith("txn=" + txn));
    }

    @Test
    void aDocumentDeletedBehindTheJournalsBackIsNamed() throws Exception {
        journal.fiscal().recordMode("shtrih");
        String txn = paid();
        FiscalIntent intent = intend(txn);
        journal.fiscal().recordDocument(intent.id(), DOC);
        submit(txn);
        sql("DROP TRIGGER fiscal_documents_no_delete", "DELETE FROM fiscal_documents");
        VerifyReport r = journal.verify();
        assertThat(r.violations()).extracting(Violation::check)
                .contains("fiscal_document_missing", "trigger_missing");
        assertThat(r.violations()).filteredOn(v -> v.check().equals("fiscal_document_missing")).singleElement()
                .satisfies(v -> assertThat(v.where()).isEqualTo("fiscal_documents intent=" + intent.id()
                        + " txn=" + txn));
    }

    @Test
    void aGivenUpIntentLeavesItsCancelledOrderAlone() {
        journal.fiscal().recordMode("shtrih");
        String txn = paid();
        FiscalIntent intent = intend(txn);
        journal.fiscal().recordFailure(intent.id(), "paper out");
        assertThat(journal.fiscal().givenUp(intent.id())).isTrue();
        JournalTest.handOut(journal, journal.cancel(txn, "fiscal-not-registered").orElseThrow());
        VerifyReport r = journal.verify();
        assertThat(r.ok()).as(r.violations().toString()).isTrue();
        assertThatThrownBy(() -> journal.fiscal().recordDocument(intent.id(), DOC))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badAttributesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new FiscalRecord("123", 1, 1, DOC.docTime(), 1, 1, false))
                .hasMessageContaining("fnSerial");
        assertThatThrownBy(() -> new FiscalRecord(DOC.fnSerial(), 0, 1, DOC.docTime(), 1, 1, false))
                .hasMessageContaining("number 0");
        assertThatThrownBy(() -> new FiscalIntent(0, "t", "SALE", 1, 0, "{}", Instant.EPOCH))
                .hasMessageContaining("SALE");
    }
}
