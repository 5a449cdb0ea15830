package org.topupkiosk.flow.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.FlowFixture;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.counter.CounterCommand.Back;
import org.topupkiosk.flow.counter.CounterCommand.CloseShift;
import org.topupkiosk.flow.counter.CounterCommand.ConfirmClose;
import org.topupkiosk.flow.counter.CounterCommand.EnterPin;
import org.topupkiosk.flow.counter.CounterCommand.Logout;
import org.topupkiosk.flow.counter.CounterCommand.Next;
import org.topupkiosk.flow.counter.CounterCommand.OpenShift;
import org.topupkiosk.flow.counter.CounterCommand.PrintX;
import org.topupkiosk.journal.AuditHead;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.Shift;

/** The counter terminal end to end: login, shift, sales with change, refusals, X and Z against the journal. */
class CounterFlowTest {

    @TempDir
    Path dir;
    CounterFixture k;

    @BeforeEach
    void setUp() throws Exception {
        k = new CounterFixture(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        k.close();
    }

    private void assertJournalOk() {
        var report = k.journal.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
    }

    @Test
    void theLoginScreenListsTheCashiersAndARightPinOpensTheShiftScreen() throws Exception {
        CounterSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(CounterScreen.LOGIN);
        assertThat(s.cashiers()).extracting(CashierGate.Cashier::id).containsExactly("anna", "boris");
        k.login("anna", CounterFixture.ANNA_PIN);
        s = k.snap();
        assertThat(s.screen()).isEqualTo(CounterScreen.SHIFT);
        assertThat(s.cashierName()).isEqualTo("Анна Петрова");
        assertThat(k.auditRows("cashier_login")).isEqualTo(1);
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeftAndFiveLockTheCashierOut() throws Exception {
        k.login("boris", "0000");
        CounterSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(CounterScreen.PIN);
        assertThat(s.message().key()).isEqualTo("counter.pin.wrong");
        assertThat(s.message().args()).containsExactly("4");
        for (int i = 0; i < 4; i++) {
            int left = 3 - i;
            k.cmd(new EnterPin("0000".toCharArray()));
            k.await(x -> x.pinFailuresLeft() == left && x.message() != null
                    && !x.message().key().equals("counter.pin.checking"));
        }
        assertThat(k.snap().message().key()).isEqualTo("counter.pin.locked");
        k.cmd(new EnterPin(CounterFixture.BORIS_PIN.toCharArray()));
        Thread.sleep(50);
        s = k.await(x -> x.message() != null && !x.message().key().equals("counter.pin.checking"));
        assertThat(s.screen()).as("the right PIN is refused while locked").isEqualTo(CounterScreen.PIN);
        assertThat(s.message().key()).isEqualTo("counter.pin.locked");
        assertThat(k.auditRows("cashier_pin_locked")).isEqualTo(1);
        // another cashier is not locked out
        k.cmd(new Back());
        k.login("anna", CounterFixture.ANNA_PIN);
        assertThat(k.snap().screen()).isEqualTo(CounterScreen.SHIFT);
    }

    @Test
    void aSaleTakesTheCashShowsTheChangeKicksTheDrawerAndPrintsBoth() throws Exception {
        k.ready();
        k.toReceived("9261234567", "500");      // MegaFon: 2 %, at least 5 roubles
        CounterSnapshot s = k.snap();
        assertThat(s.amount()).isEqualTo(Money.rub(500));
        assertThat(s.total()).isEqualTo(s.amount().plus(s.fee()));
        Money total = s.total();
        k.type("1000");
        k.cmd(new Next());
        s = k.snap();
        assertThat(s.screen()).isEqualTo(CounterScreen.PAYING);
        assertThat(s.change()).isEqualTo(Money.rub(1000).minus(total));
        k.drain();
        s = k.await(x -> x.screen() == CounterScreen.DONE
                && x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
        assertThat(s.status()).isEqualTo(FlowSnapshot.PaymentStatus.CREDITED);
        Order o = k.journal.order(s.txnId()).orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(o.cash()).isEqualTo(total);
        assertThat(o.amount().plus(o.fee())).isEqualTo(total);
        String cash = k.auditData("counter_cash");
        assertThat(cash).contains("\"cashier\":\"anna\"", "\"shift\":1", "\"received_minor\":100000",
                "\"change_minor\":" + Money.rub(1000).minus(total).minor());
        assertThat(k.printer.drawerKicks()).isEqualTo(1);
        String paper = k.printer.printed().get(0).text();
        assertThat(paper).contains("Получено", "Сдача", "Анна Петрова", s.txnId());
        assertThat(k.journal.cashBoxCount().noteCount()).as("counter cash is not in a cash box").isZero();
        assertJournalOk();
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(CounterScreen.NUMBER);
        assertThat(k.snap().txnId()).isNull();
    }

    @Test
    void tooLittleCashIsRefusedWithTheShortfallAndNothingIsJournaled() throws Exception {
        k.ready();
        k.toReceived("9161234567", "500");      // MTS: no fee
        k.type("300");
        k.cmd(new Next());
        CounterSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(CounterScreen.RECEIVED);
        assertThat(s.message().key()).isEqualTo("counter.received.too_little");
        assertThat(s.message().args()).containsExactly(Money.rub(300), Money.rub(500), Money.rub(200));
        assertThat(k.journal.ordersByStatus()).isEmpty();
        k.type("0");                              // 3000 now
        k.cmd(new Next());
        assertThat(k.snap().change()).isEqualTo(Money.rub(2500));
    }

    @Test
    void aNumberTheCarrierRefusesIsSaidBeforeAnyCash() throws Exception {
        k.ready();
        k.type("9000000001");
        k.cmd(new Next());
        CounterSnapshot s = k.await(x -> x.screen() == CounterScreen.NUMBER && x.message() != null);
        assertThat(s.message().key()).isEqualTo("check.refused.unknown_number");
        assertThat(k.journal.ordersByStatus()).isEmpty();
        assertThat(k.printer.drawerKicks()).isZero();
    }

    @Test
    void aRefusedPaymentIsHandedBackInCashAndJournaledAsReturnedNotAsAVoucher() throws Exception {
        k.ready();
        k.toReceived("9161234567", "300");
        k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        k.type("500");
        k.cmd(new Next());
        k.drain();
        CounterSnapshot s = k.await(x -> x.screen() == CounterScreen.RETURN_CASH);
        assertThat(s.message().key()).isEqualTo("counter.refused_return");
        assertThat(s.message().args()).containsExactly(Money.rub(300));
        assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(k.journal.openCredits()).as("no voucher left open").isEmpty();
        k.await(x -> x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
        assertThat(k.printer.printed().get(0).text()).contains("возвращено");
        Shift x = k.journal.counter().openShift().orElseThrow();
        assertThat(x.returned()).isEqualTo(Money.rub(300));
        assertThat(x.returns()).isEqualTo(1);
        assertThat(x.sales()).isZero();
        assertThat(x.drawer()).isEqualTo(Money.ZERO_RUB);
        assertJournalOk();
    }

    @Test
    void xAndZReportsEqualTheJournalAndTheZClosesANumberedShift() throws Exception {
        k.ready();
        sale("9161234567", "500", "500");
        sale("9261234567", "1000", "2000");
        k.toReceived("9161234567", "100");
        k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        k.type("100");
        k.cmd(new Next());
        k.drain();
        k.awaitScreen(CounterScreen.RETURN_CASH);
        k.cmd(new Next());

        k.cmd(new PrintX());
        k.await(x -> x.report() == CounterSnapshot.ReportState.X_PRINTED);
        Shift x = k.journal.counter().openShift().orElseThrow();
        List<Order> sold = k.journal.ordersByStatus(OrderStatus.CONFIRMED, OrderStatus.PENDING);
        assertThat(x.sales()).isEqualTo(sold.size()).isEqualTo(2);
        assertThat(x.amount()).isEqualTo(sold.stream().map(Order::amount).reduce(Money.ZERO_RUB, Money::plus));
        assertThat(x.fees()).isEqualTo(sold.stream().map(Order::fee).reduce(Money.ZERO_RUB, Money::plus));
        assertThat(x.received()).isEqualTo(Money.rub(500 + 2000 + 100));
        Money kept = sold.stream().map(Order::cash).reduce(Money.ZERO_RUB, Money::plus);
        assertThat(x.drawer()).isEqualTo(kept);
        assertThat(x.received().minus(x.change()).minus(x.returned())).isEqualTo(kept);
        String xPaper = k.printer.printed().get(k.printer.printed().size() - 1).text();
        assertThat(xPaper).contains("X-ОТЧЁТ");

        k.cmd(new CloseShift());
        assertThat(k.snap().screen()).isEqualTo(CounterScreen.CLOSE_SHIFT);
        k.cmd(new ConfirmClose());
        CounterSnapshot s = k.await(y -> y.report() == CounterSnapshot.ReportState.Z_PRINTED);
        assertThat(s.screen()).isEqualTo(CounterScreen.SHIFT);
        assertThat(s.shift()).isNull();
        Shift z = k.journal.counter().latestShift().orElseThrow();
        assertThat(z.open()).isFalse();
        assertThat(z.number()).isEqualTo(1);
        assertThat(z.amount()).isEqualTo(x.amount());
        assertThat(z.drawer()).isEqualTo(x.drawer());
        String zPaper = k.printer.printed().get(k.printer.printed().size() - 1).text();
        assertThat(zPaper).contains("Z-ОТЧЁТ").contains("Контроль журнала");
        Matcher head = Pattern.compile("(\\d+:[0-9a-f]{16})").matcher(zPaper);
        assertThat(head.find()).as("the Z report prints the audit head").isTrue();
        assertThat(k.journal.verify(AuditHead.parse(head.group(1))).ok()).isTrue();
        assertThat(k.journal.unprintedReceipts()).isEmpty();
        assertJournalOk();

        k.cmd(new OpenShift());
        assertThat(k.snap().shift()).isEqualTo(2);
        assertThat(k.journal.counter().openShift().orElseThrow().sales()).isZero();
        k.cmd(new Logout());
        assertThat(k.snap().screen()).isEqualTo(CounterScreen.LOGIN);
        k.login("boris", CounterFixture.BORIS_PIN);
        assertThat(k.snap().screen()).as("the open shift carries on after a new login").isEqualTo(CounterScreen.NUMBER);
    }

    @Test
    void aSaleCutOffAfterTheCashWasJournaledIsSentAfterARestart() throws Exception {
        k.ready();
        k.toReceived("9161234567", "200");
        // What a crash between the cash and the submit leaves: an OPEN order holding the counter cash.
        Order open = k.journal.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
        k.journal.counter().recordCounterCash(open.txnId(), Money.rub(200), Money.rub(500), "anna", 1);
        CounterFlow restarted = new CounterFlow(k.exec, Runnable::run, k.journal, null, k.desk,
                ConfigLoader.load(Path.of("kiosk-config/kiosk.yaml")).catalog(), null,
                FlowFixture.settings(false, Money.rub(15000)), k.dispatcher, new CashierGate() {
                    @Override
                    public List<Cashier> cashiers() {
                        return List.of();
                    }

                    @Override
                    public Attempt check(String cashierId, char[] pin) {
                        return new Attempt(Result.UNAVAILABLE, 0, Duration.ZERO, "test");
                    }
                }, false, java.time.Clock.systemUTC());
        restarted.start();
        k.exec.runPending();
        assertThat(k.journal.order(open.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        k.drain();
        assertThat(k.journal.order(open.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertJournalOk();
    }

    private void sale(String number, String amount, String received) throws Exception {
        k.toReceived(number, amount);
        k.type(received);
        k.cmd(new Next());
        k.drain();
        k.await(x -> x.screen() == CounterScreen.DONE && x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
        k.cmd(new Next());
    }

}
