package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** The cash box is counted from the journal between encashments; an encashment is journaled, never a reset. */
class EncashmentTest {

    static final Msisdn NUMBER = Msisdn.of("+7 916 123-45-67");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static void sale(Journal j, String... notes) {
        Order o = j.openOrder("topup", NUMBER, "mts", null);
        long sum = 0;
        for (String n : notes) {
            String[] parts = n.split("@");
            Money m = Money.rub(Long.parseLong(parts[0]));
            j.recordStacked(o.txnId(), m, parts[1]);
            sum += m.minor();
        }
        j.submit(o.txnId(), Money.rubMinor(sum), Money.ZERO_RUB, false, "{\"t\":1}");
    }

    private static Encashment.NoteCount n(long rub, int count) {
        return new Encashment.NoteCount(Money.rub(rub), count);
    }

    @Test
    void countsByDenominationAcrossTwoEncashments() {
        try (Journal j = Journal.open(dir.resolve("j.db"), "0042", CLOCK)) {
            assertThat(j.cashBoxCount().notes()).isEmpty();
            assertThat(j.cashBoxCount().number()).isEqualTo(1);
            sale(j, "100@a", "500@b", "100@c");
            JournalTest.handOut(j, j.recordStackedWithoutOrder(Money.rub(1000), "d", "power-up"));
            Encashment before = j.cashBoxCount();
            assertThat(before.notes()).containsExactly(n(100, 2), n(500, 1), n(1000, 1));
            assertThat(before.total()).isEqualTo(Money.rub(1700));
            assertThat(before.openCredits()).isEqualTo(Money.rub(1000));
            assertThat(before.at()).isNull();

            Encashment first = j.encash("service-menu");
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.id()).isEqualTo("E-0042-0001");
            assertThat(first.notes()).isEqualTo(before.notes());
            assertThat(first.at()).isEqualTo(CLOCK.instant());
            assertThat(j.cashBoxCount().notes()).isEmpty();
            assertThat(j.cashBoxCount().total()).isEqualTo(Money.ZERO_RUB);

            sale(j, "5000@e", "100@f");
            sale(j, "5000@g");
            Encashment second = j.encash("kioskctl");
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.notes()).containsExactly(n(100, 1), n(5000, 2));
            assertThat(second.total()).isEqualTo(Money.rub(10100));
            assertThat(j.lastEncashment()).contains(second);
            // The cash itself is untouched: encashment is a count, not a money event.
            assertThat(j.stackedTotal()).isEqualTo(Money.rub(11800));
            assertThat(j.verify().ok()).as(j.verify().toString()).isTrue();
        }
    }

    @Test
    void anEncashmentSurvivesACrashBeforeItsReportAndIsNotCountedTwice() {
        Path db = dir.resolve("j.db");
        Encashment made;
        try (Journal j = Journal.open(db, "0042", CLOCK)) {
            sale(j, "200@a", "2000@b");
            made = j.encash("service-menu");
            // the kiosk dies here, before the report is printed
        }
        try (Journal j = Journal.open(db, "0042", CLOCK)) {
            assertThat(j.lastEncashment()).contains(made);
            assertThat(j.cashBoxCount().notes()).isEmpty();
            assertThat(j.cashBoxCount().number()).isEqualTo(2);
            assertThat(j.verify().ok()).isTrue();
        }
    }

    @Test
    void counterCashIsNotInTheCashBox() {
        try (Journal j = Journal.open(dir.resolve("j.db"), "0042", CLOCK)) {
            Order o = j.openOrder("topup", NUMBER, "mts", null);
            j.recordStacked(o.txnId(), Money.rub(300), CashBox.COUNTER_PREFIX + o.txnId());
            j.submit(o.txnId(), Money.rub(300), Money.ZERO_RUB, false, "{\"t\":1}");
            sale(j, "50@x");
            assertThat(j.cashBoxCount().notes()).containsExactly(n(50, 1));
        }
    }

    @Test
    void verifyNamesAnEncashmentWhoseNotesWereEditedAway() throws Exception {
        Path db = dir.resolve("j.db");
        try (Journal j = Journal.open(db, "0042", CLOCK)) {
            sale(j, "100@a", "500@b");
            j.encash("service-menu");
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()); var st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER cash_events_no_update");
            st.executeUpdate("UPDATE cash_events SET amount_minor = 10000 WHERE note_id = 'b'");
        }
        try (Journal j = Journal.open(db, "0042", CLOCK)) {
            List<VerifyReport.Violation> v = j.verify().violations();
            assertThat(v).extracting(VerifyReport.Violation::check).contains("encashment");
            assertThat(v.toString()).contains("E-0042-0001");
        }
    }
}
