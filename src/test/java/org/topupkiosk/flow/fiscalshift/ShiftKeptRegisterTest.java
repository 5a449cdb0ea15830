package org.topupkiosk.flow.fiscalshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.fiscal.FiscalOutcome;
import org.topupkiosk.flow.fiscal.FiscalReceipts;
import org.topupkiosk.flow.fiscal.FiscalTestSettings;
import org.topupkiosk.flow.fiscalshift.FiscalShifts.Outcome;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.testing.InTestFiscalRegister;
import org.topupkiosk.testing.SettableClock;

/** The desk as the kiosk wires it, through the keeper: the keeper alone opens shifts, with its quiet-hour policy. */
class ShiftKeptRegisterTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dir;

    @Test
    void theDesksStatusPollOpensNoShiftInTheQuietHourAndASaleGetsOneFromTheKeeper() throws Exception {
        SettableClock clock = new SettableClock();
        clock.set(LocalDateTime.parse("2026-12-08T04:10").atZone(MOSCOW).toInstant(), MOSCOW);
        InTestFiscalRegister register = new InTestFiscalRegister(clock);
        List<String> audit = new ArrayList<>();
        FiscalShifts shifts = new FiscalShifts(register, new ShiftPlan(4, MOSCOW), clock, () -> false, "kiosk 0042",
                (kind, json) -> audit.add(kind + " " + json));
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "0042", clock);
                FiscalDesk desk = new FiscalDesk(new ShiftKeptRegister(register, shifts), journal,
                        FiscalTestSettings.SETTINGS, CrashPoints.NONE, clock)) {
            assertThat(shifts.check()).as("the quiet hour: no shift yet").isEqualTo(Outcome.NOTHING);
            desk.recoverNow(); // the desk's status poll
            assertThat(desk.ready()).isTrue();
            assertThat(register.shiftOpen()).as("the desk's poll opened a shift in the quiet hour").isFalse();

            Order o = journal.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
            journal.recordStacked(o.txnId(), Money.rub(600), o.txnId() + "-a");
            FiscalOutcome sold = desk.registerNow(o.txnId(), FiscalReceipts.sale(FiscalTestSettings.SETTINGS,
                    FiscalReceipts.topUpItem(Msisdn.of("+79161234567")), "mts", 57_000, 3_000, 60_000));
            assertThat(sold).isInstanceOf(FiscalOutcome.Registered.class);
            assertThat(register.shiftNumber()).isEqualTo(1);
            assertThat(audit).singleElement().asString().startsWith("fiscal_shift_opened {\"shift\":1,")
                    .contains("\"why\":\"before a sale\"");
        }
    }
}
