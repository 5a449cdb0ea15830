package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.gpio.CashBoxGuard;
import org.topupkiosk.device.gpio.GpioHarness;
import org.topupkiosk.device.gpio.StatusLight;
import org.topupkiosk.device.gpio.StatusLightPolicy;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.CustomerCredit;

/**
 * The door and the cash box during a session, end to end: Pi4J mock pins, debounce, the cash-box guard in front of the
 * acceptor, the real flow and the real journal. Wired as KioskCore wires them.
 */
class CabinetFlowTest {

    static final List<String> KINDS = List.of("door_opened", "door_closed", "cash_box_removed", "cash_box_inserted",
            "service_lock", "service_unlock", "unlocked_with_door_open", "acceptor_fault", "acceptor_recovered");

    @TempDir
    Path dir;
    FlowFixture k;
    GpioHarness gpio;
    CashBoxGuard guard;

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
        gpio = new GpioHarness();
        StatusLightPolicy light = new StatusLightPolicy(gpio.gpio.light()::set);
        guard = new CashBoxGuard(k.acceptor, light);
        k.flow = new TopUpFlow(k.exec, Runnable::run, k.journal, k.carrier, guard, k.desk, k.config.catalog(),
                k.config.numbering(), k.settings, k.dispatcher, CrashPoints.NONE, k.clock);
        // The flow hears the switch before the guard's fault, so the journal reads cause, then consequence.
        gpio.gpio.addListener(k.flow::cabinetEvent);
        gpio.gpio.addListener(guard::onCabinetEvent);
        k.flow.subscribe(s -> light.kiosk(s.screen() == Screen.SERVICE_LOCK || s.screen() == Screen.OUT_OF_SERVICE));
        k.flow.start();
        gpio.started();
        k.exec.runPending();
    }

    @AfterEach
    void tearDown() {
        gpio.close();
        k.close();
    }

    /** Moves a switch, lets the debounce time pass, and lets the flow handle what came of it. */
    private void door(boolean open) {
        gpio.cabinet.door(open);
        settle();
    }

    private void cashBox(boolean present) {
        gpio.cabinet.cashBox(present);
        settle();
    }

    private void settle() {
        gpio.clock.advance(gpio.cfg.debounceMs());
        k.exec.runPending();
    }

    private List<String> journaled() {
        return k.journal.recentAudit(KINDS, 50).stream().sorted(Comparator.comparingLong(AuditEntry::seq))
                .map(a -> a.kind() + (a.dataJson().contains("reason") || a.dataJson().contains("code")
                        || a.dataJson().contains("cleared") ? " " + a.dataJson() : "")).toList();
    }

    @Test
    void doorOpenedDuringASessionWithCashLocksJournalsAndKeepsTheMoneyOnAVoucher() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(100, "d1");
        k.insert(200, "d2");
        String txn = k.snap().txnId();
        assertThat(gpio.gpio.light().mode()).isEqualTo(StatusLight.Mode.BLINK);

        door(true);
        FlowSnapshot voucher = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
        CustomerCredit credit = k.journal.credit(voucher.creditCode()).orElseThrow();
        assertThat(credit.amount()).isEqualTo(Money.rub(300));
        assertThat(k.journal.openCredits()).extracting(CustomerCredit::code).contains(voucher.creditCode());
        List<AuditEntry> doorRows = k.journal.recentAudit(List.of("door_opened"), 5);
        assertThat(doorRows).singleElement().satisfies(a -> {
            assertThat(a.txnId()).isEqualTo(txn);
            assertThat(a.dataJson()).isEqualTo("{\"screen\":\"cash_insertion\"}");
        });
        assertThat(journaled()).containsSubsequence("door_opened", "service_lock {\"reason\":\"door_open\"}");
        assertThat(k.journal.verify().violations()).isEmpty();

        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        assertThat(gpio.gpio.light().mode()).isEqualTo(StatusLight.Mode.OFF);
        k.cmd(new Start());
        assertThat(k.snap().screen()).as("customers stay out").isEqualTo(Screen.SERVICE_LOCK);

        door(false);
        assertThat(k.snap().screen()).as("closing the door does not let customers in").isEqualTo(Screen.SERVICE_LOCK);
        assertThat(journaled()).endsWith("door_closed");

        k.cmd(new Unlock());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(journaled()).endsWith("service_unlock {\"cleared\":[\"door_open\"]}");
        assertThat(journaled()).doesNotContain("unlocked_with_door_open");
        assertThat(gpio.gpio.light().mode()).isEqualTo(StatusLight.Mode.STEADY);
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void doorOpenedWhileThePaymentIsSentLetsTheCustomerFinishThenLocks() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "p1");
        k.cmd(new Pay(), new Confirm());
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        door(true);
        assertThat(k.snap().screen()).as("the payment is not interrupted").isEqualTo(Screen.SUBMITTING);
        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(FlowSnapshot.PaymentStatus.CREDITED);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void doorOpenedOnTheIdleScreenLocksAndBackToCustomersUnlocksEvenWithTheDoorOpen() throws Exception {
        door(true);
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        k.cmd(new Lock("service"));
        k.cmd(new Unlock());
        assertThat(k.snap().screen()).as("the technician decides").isEqualTo(Screen.IDLE);
        assertThat(journaled()).containsSubsequence("door_opened", "service_lock {\"reason\":\"door_open\"}",
                "service_lock {\"reason\":\"service\"}", "service_unlock {\"cleared\":[\"door_open\",\"service\"]}",
                "unlocked_with_door_open");
        // The door is still open: closing it later is journaled and changes nothing for customers.
        door(false);
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(journaled()).endsWith("door_closed");
    }

    @Test
    void cashBoxOutOnIdleTakesTheKioskOutOfServiceAndBackInRestoresIt() throws Exception {
        cashBox(false);
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        assertThat(k.snap().acceptorReady()).isFalse();
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
        assertThat(gpio.gpio.light().mode()).isEqualTo(StatusLight.Mode.OFF);
        k.cmd(new Start());
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);

        cashBox(true);
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(gpio.gpio.light().mode()).isEqualTo(StatusLight.Mode.STEADY);
        assertThat(journaled()).containsExactly("cash_box_removed",
                "acceptor_fault {\"code\":\"cash_box_removed\"}", "cash_box_inserted", "acceptor_recovered");
    }

    @Test
    void cashBoxOutDuringASessionStopsNotesAndTheCustomerCanStillPayWhatIsIn() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(500, "c1");
        cashBox(false);
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(k.snap().message().key()).isEqualTo("cash.acceptor_unavailable");
        assertThat(guard.accepting()).isFalse();

        // Back to the cash screen from the confirmation asks the acceptor again: refused while the box is out.
        k.cmd(new Pay());
        assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        int before = k.acceptor.commands.size();
        k.cmd(new Back());
        assertThat(k.acceptor.commands.subList(before, k.acceptor.commands.size())).doesNotContain("enable");

        cashBox(true);
        assertThat(k.acceptor.lastCommand()).as("re-enabled as the flow had asked").isEqualTo("enable");
        assertThat(gpio.gpio.light().mode()).isEqualTo(StatusLight.Mode.BLINK);
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(journaled()).containsSubsequence("cash_box_removed", "acceptor_fault {\"code\":\"cash_box_removed\"}",
                "cash_box_inserted", "acceptor_recovered");
        assertThat(k.journal.verify().violations()).isEmpty();
    }
}
