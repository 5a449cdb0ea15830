package org.topupkiosk.flow.fiscalshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.flow.fiscalshift.FiscalShifts.Outcome;
import org.topupkiosk.testing.InTestFiscalRegister;
import org.topupkiosk.testing.SettableClock;

/** Shift discipline against a register that keeps the 24-hour rule, on a clock the test moves. */
class FiscalShiftsTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    final SettableClock clock = new SettableClock();
    final AtomicBoolean paying = new AtomicBoolean();
    final List<String> audit = new ArrayList<>();
    InTestFiscalRegister register;
    FiscalShifts shifts;

    void at(String localTime) {
        clock.set(LocalDateTime.parse(localTime).atZone(MOSCOW).toInstant(), MOSCOW);
    }

    FiscalShifts keeper(int quietHour) {
        register = register == null ? new InTestFiscalRegister(clock) : register;
        shifts = new FiscalShifts(register, new ShiftPlan(quietHour, MOSCOW), clock, paying::get, "SIM-0001",
                (kind, json) -> audit.add(kind + " " + json));
        return shifts;
    }

    @Test
    void opensAShiftByItselfAndClosesItAtTheQuietHourThenOpensTheNext() {
        at("2026-12-07T10:00");
        keeper(4);
        assertThat(shifts.check()).isEqualTo(Outcome.OPENED);
        assertThat(register.shiftOpen()).isTrue();
        assertThat(shifts.check()).isEqualTo(Outcome.NOTHING);
        at("2026-12-08T03:59");
        assertThat(shifts.check()).isEqualTo(Outcome.NOTHING);
        at("2026-12-08T04:00");
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED);
        assertThat(register.shiftOpen()).isFalse();
        at("2026-12-08T04:59");
        assertThat(shifts.check()).as("the quiet hour: the next shift waits").isEqualTo(Outcome.NOTHING);
        at("2026-12-08T05:00");
        assertThat(shifts.check()).isEqualTo(Outcome.OPENED);
        assertThat(register.shiftNumber()).isEqualTo(2);
        assertThat(audit).hasSize(3);
        assertThat(audit.get(1)).startsWith("fiscal_shift_closed {\"shift\":1,\"document\":2,");
        assertThat(audit.get(2)).startsWith("fiscal_shift_opened {\"shift\":2,\"document\":3,");
        assertThat(shifts.reading().closeFrom()).contains(LocalDateTime.parse("2026-12-09T04:00")
                .atZone(MOSCOW).toInstant());
    }

    @Test
    void aSaleDuringTheQuietHourOpensAShiftThatClosesBeforeTheNextQuietHour() throws DeviceException {
        at("2026-12-07T10:00");
        keeper(4).check();
        at("2026-12-08T04:00");
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED);
        at("2026-12-08T04:10");
        shifts.beforeSale();
        assertThat(shifts.reading().closeFrom()).as("23 h after: the next quiet hour would leave no margin")
                .contains(LocalDateTime.parse("2026-12-09T03:10").atZone(MOSCOW).toInstant());
        at("2026-12-09T03:10");
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED_AND_OPENED);
        at("2026-12-09T04:00");
        assertThat(shifts.check()).as("back on the quiet hour").isEqualTo(Outcome.CLOSED);
    }

    @Test
    void neverClosesWhileACustomerIsPayingAndClosesAtTheNextQuietMoment() {
        at("2026-12-07T10:00");
        keeper(4).check();
        at("2026-12-08T04:00");
        paying.set(true);
        assertThat(shifts.check()).isEqualTo(Outcome.WAITING_FOR_CUSTOMER);
        at("2026-12-08T04:03");
        assertThat(shifts.check()).isEqualTo(Outcome.WAITING_FOR_CUSTOMER);
        assertThat(register.shiftNumber()).isEqualTo(1);
        paying.set(false);
        at("2026-12-08T04:04");
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED);
        assertThat(register.shiftOpen()).isFalse();
    }

    @Test
    void aQuietHourMoreThan23HoursAwayClosesTheShiftEarlierAtAQuietMoment() {
        at("2026-12-07T03:45"); // next quiet hour that counts: 2026-12-08 04:00, 24.25 h later
        keeper(4).check();
        at("2026-12-07T04:00");
        assertThat(shifts.check()).as("15 minutes old: too young for this quiet hour").isEqualTo(Outcome.NOTHING);
        at("2026-12-08T02:44");
        assertThat(shifts.check()).isEqualTo(Outcome.NOTHING);
        at("2026-12-08T02:45");
        paying.set(true);
        assertThat(shifts.check()).isEqualTo(Outcome.WAITING_FOR_CUSTOMER);
        paying.set(false);
        at("2026-12-08T02:51");
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED_AND_OPENED);
        assertThat(register.shiftOver24h()).isFalse();
    }

    @Test
    void aReceiptLeftOpenInTheRegisterHoldsTheZReportBack() {
        at("2026-12-07T10:00");
        keeper(4).check();
        register.receiptOpen = true;
        at("2026-12-08T04:00");
        assertThat(shifts.check()).isEqualTo(Outcome.WAITING_FOR_OPEN_RECEIPT);
        assertThat(register.calls).doesNotContain("z");
        register.receiptOpen = false;
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED);
    }

    @Test
    void beforeASaleOpensAShiftAndClosesOneTooOldForTheReceipt() throws DeviceException {
        at("2026-12-07T10:00");
        keeper(4);
        assertThat(shifts.beforeSale().shiftOpen()).isTrue();
        assertThat(register.shiftNumber()).isEqualTo(1);
        at("2026-12-08T09:50"); // the kiosk was off through the closing window: 23 h 50 min
        assertThat(shifts.beforeSale().shiftNumber()).isEqualTo(1);
        at("2026-12-08T09:56"); // 23 h 56 min: the register would refuse it within minutes
        assertThat(shifts.beforeSale().shiftNumber()).isEqualTo(2);
        assertThat(register.calls).contains("z");
    }

    @Test
    void aShiftOver24HoursIsRefusedByTheRegisterAndClosedByTheNextCheck() throws DeviceException {
        at("2026-12-07T10:00");
        keeper(4).check();
        paying.set(true); // a customer who never leaves: the keeper waits, the register refuses the late receipt
        at("2026-12-08T10:01");
        assertThat(shifts.check()).isEqualTo(Outcome.WAITING_FOR_CUSTOMER);
        assertThat(register.shiftOver24h()).isTrue();
        paying.set(false);
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED_AND_OPENED);
        assertThat(register.shiftOver24h()).isFalse();
    }

    @Test
    void aShiftOpenSinceAnUnknownTimeIsClosedAtTheFirstQuietMoment() {
        at("2026-12-07T10:00");
        keeper(4).check();
        register.reportsOpening = false;
        keeper(4); // a restart: this keeper did not open the shift and the register does not say when it began
        at("2026-12-07T10:05");
        assertThat(shifts.check()).isEqualTo(Outcome.CLOSED_AND_OPENED);
        assertThat(shifts.check()).as("the keeper knows when it opened the new one").isEqualTo(Outcome.NOTHING);
    }

    @Test
    void aFailingRegisterIsReportedAndTriedAgain() {
        at("2026-12-07T10:00");
        keeper(4);
        register.failure = new DeviceException(DeviceException.Code.OFFLINE, "no answer on /dev/ttyACM0");
        assertThat(shifts.check()).isEqualTo(Outcome.FAILED);
        assertThat(shifts.reading().error()).contains("OFFLINE: no answer on /dev/ttyACM0");
        assertThatThrownBy(shifts::beforeSale).isInstanceOf(DeviceException.class);
        register.failure = null;
        assertThat(shifts.check()).isEqualTo(Outcome.OPENED);
        assertThat(shifts.reading().error()).isEmpty();
    }

    @Test
    void theServiceMenusZReportClosesTheShiftAndTheNextSaleOpensOne() throws DeviceException {
        at("2026-12-07T10:00");
        keeper(4).check();
        assertThat(shifts.closeNow().shiftNumber()).isEqualTo(1);
        assertThat(register.shiftOpen()).isFalse();
        assertThat(shifts.reading().status().orElseThrow().shiftOpen()).isFalse();
        at("2026-12-07T10:10");
        int shift = shifts.sale(r -> r.status().shiftNumber());
        assertThat(shift).isEqualTo(2);
    }

    /**
     * A busy kiosk for three days: a customer 70 % of the time, each paying through {@link FiscalShifts#sale}. The
     * register refuses a receipt in a shift over 24 hours; none is refused, and no shift is ever closed while a customer
     * pays, even when customers come during the quiet hour.
     */
    @Test
    void threeBusyDaysNeverRegisterASaleInAShiftOver24HoursNorCloseOneMidPayment() throws DeviceException {
        at("2026-12-07T09:00");
        keeper(4);
        Random random = new Random(7);
        int closedByCheck = 0;
        int sales = 0;
        for (int minute = 0; minute < 3 * 24 * 60; minute += 5) {
            paying.set(random.nextInt(10) < 7);
            if (paying.get()) {
                long zBefore = register.calls.stream().filter("z"::equals).count();
                shifts.check();
                shifts.sale(r -> register.sell(50_000));
                assertThat(register.calls.stream().filter("z"::equals).count()).as("minute " + minute)
                        .isEqualTo(zBefore);
                sales++;
            } else if (EnumSet.of(Outcome.CLOSED, Outcome.CLOSED_AND_OPENED).contains(shifts.check())) {
                closedByCheck++;
            }
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(sales).isGreaterThan(500);
        assertThat(closedByCheck).isBetween(3, 6);
    }
}
