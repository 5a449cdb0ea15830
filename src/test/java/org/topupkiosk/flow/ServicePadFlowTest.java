package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.OrderStatus;

/**
 * The service PIN pad over a customer's session (issue 12, item 12): the five taps open it without touching the
 * session; only the right PIN (then {@link Lock}) turns the cash into a credit voucher; a wrong PIN or a cancel
 * ({@code ServicePad(false)}) leaves the session as it was, and the customer's inactivity timer keeps running under the
 * pad. With nobody in a session the pad locks at once, and closing it lifts only its own lock.
 */
class ServicePadFlowTest {

    @TempDir
    Path dir;
    FlowFixture k;

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    @Test
    void thePadOverACashSessionKeepsItUntilTheRightPin() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(100, "p1");
        String txn = k.snap().txnId();

        k.cmd(new ServicePad(true));
        FlowSnapshot under = k.snap();
        assertThat(under.screen()).as("the pad opens over the cash screen").isEqualTo(Screen.CASH_INSERTION);
        assertThat(under.cashInserted()).isEqualTo(Money.rub(100));
        assertThat(k.journal.openCredits()).as("no bearer voucher before any PIN").isEmpty();

        k.cmd(new ServicePad(false)); // a wrong PIN or a cancel closes the pad
        FlowSnapshot back = k.snap();
        assertThat(back.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(back.cashInserted()).isEqualTo(Money.rub(100));
        assertThat(back.txnId()).isEqualTo(txn);
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
        k.insert(200, "p2");
        assertThat(k.snap().cashInserted()).as("the customer goes on paying").isEqualTo(Money.rub(300));

        k.cmd(new ServicePad(true), new Lock("service")); // the right PIN
        FlowSnapshot voucher = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(voucher.creditAmount()).isEqualTo(Money.rub(300));
        k.await(s -> !k.printer.printed().isEmpty());
        assertThat(k.printer.printed().get(k.printer.printed().size() - 1).text()).contains(voucher.creditCode());
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        assertThat(k.journal.verify().ok()).as(k.journal.verify().toString()).isTrue();
    }

    @Test
    void theCustomersInactivityRunsUnderThePad() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(100, "i1");
        k.exec.advance(Duration.ofSeconds(30));
        k.cmd(new ServicePad(true));
        k.exec.advance(Duration.ofSeconds(30));
        assertThat(k.snap().countdown()).as("opening the pad is not the customer's activity").isNotNull();
        String txn = k.snap().txnId();
        k.exec.advance(Duration.ofSeconds(15));
        // The customer's own timeout: with cash above the minimum, what was inserted is paid.
        assertThat(k.snap().screen()).isIn(Screen.SUBMITTING, Screen.RECEIPT, Screen.DONE);
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        k.cmd(new ServicePad(false));
        k.drain();
        k.awaitScreen(Screen.DONE);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).as("the customer's timeout, not a service lock").isEqualTo(Screen.IDLE);
    }

    @Test
    void withNobodyInASessionThePadLocksAtOnceAndClosingItLiftsOnlyItsOwnLock() throws Exception {
        k.cmd(new ServicePad(true));
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        k.cmd(new Start());
        assertThat(k.snap().screen()).as("nobody starts while the PIN is typed").isEqualTo(Screen.SERVICE_LOCK);
        k.cmd(new ServicePad(false));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);

        k.cmd(new Lock("door_open"), new ServicePad(true), new ServicePad(false));
        assertThat(k.snap().screen()).as("a cancelled pad does not lift the door's lock").isEqualTo(Screen.SERVICE_LOCK);
        assertThat(k.journal.recentAudit(List.of("service_pad_opened", "service_pad_closed"), 10)).hasSize(4);
    }
}
