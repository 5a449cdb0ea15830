package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

class TopUpFlowTest {

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

    private void assertJournalOk() {
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void cashTopUpFromIdleToDone() throws Exception {
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.cmd(new Start());
        assertThat(k.snap().screen()).isEqualTo(Screen.LANGUAGE);
        k.cmd(new SetLanguage(Lang.EN));
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        assertThat(k.snap().lang()).isEqualTo(Lang.EN);
        k.cmd(new ChooseService(Service.TOPUP));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        assertThat(k.snap().services().operators()).extracting(ServicesView.OperatorTile::id)
                .containsExactly("mts", "beeline", "megafon", "t2");
        k.cmd(new ChooseOperator("mts"));
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.type("9161234567");
        assertThat(k.snap().numberDigits()).isEqualTo("9161234567");
        k.cmd(new Next());
        FlowSnapshot op = k.awaitScreen(Screen.OPERATOR_CONFIRM);
        assertThat(op.operatorId()).isEqualTo("mts");
        assertThat(op.offline()).isFalse();
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.AMOUNT_ENTRY);
        k.type("600");
        assertThat(k.snap().amount()).isEqualTo(Money.rub(600));
        k.cmd(new Next());
        FlowSnapshot cash = k.snap();
        assertThat(cash.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(cash.txnId()).matches("0042-[0-9a-f]{12}-\\d{6}");
        assertThat(k.acceptor.lastCommand()).isEqualTo("enable");

        k.insert(500, "n1");
        k.insert(100, "n2");
        assertThat(k.snap().cashInserted()).isEqualTo(Money.rub(600));
        assertThat(k.acceptor.acknowledged).containsExactly("n1", "n2");
        assertThat(k.journal.order(cash.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(600));

        k.cmd(new Pay());
        assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
        k.cmd(new Confirm());
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        assertThat(k.journal.order(cash.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(done.receipt()).isEqualTo(ReceiptState.PRINTED);
        assertThat(done.qrPayload()).endsWith(cash.txnId());
        Order order = k.journal.order(cash.txnId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.amount().plus(order.fee())).isEqualTo(Money.rub(600));
        assertThat(k.sim.ledger().get(cash.txnId()).appliedCount()).isEqualTo(1);
        assertJournalOk();

        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(k.snap().txnId()).isNull();
    }

    @Test
    void badNumbersAreExplainedAndKeepTheCustomerOnTheKeypad() {
        k.cmd(new Start(), new SetLanguage(Lang.ZH), new ChooseService(Service.TOPUP), new Next());
        k.type("91612");
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(k.snap().message().key()).isEqualTo("msisdn.error.too_short");
        k.cmd(new Clear());
        k.type("4951234567");
        k.cmd(new Next());
        assertThat(k.snap().message().key()).isEqualTo("msisdn.error.not_mobile");
        k.cmd(new Backspace());
        assertThat(k.snap().numberDigits()).isEqualTo("495123456");
        assertThat(k.snap().message()).isNull();
    }

    @Test
    void carrierRefusalOfTheNumberIsShownBeforeAnyCash() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.RU), new ChooseService(Service.TOPUP), new Next());
        k.type("9000000001");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("check.refused.unknown_number");
        assertThat(k.acceptor.commands).doesNotContain("enable");
    }

    @Test
    void carrierDownWithOfflineSalesQueuesThePaymentAndSaysSo() throws Exception {
        k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
        k.toCashInsertion("9161234567", "300");
        FlowSnapshot s = k.snap();
        assertThat(s.offline()).isTrue();
        assertThat(s.cashLimit()).isEqualTo(Money.rub(3000));
        k.insert(200, "a");
        k.insert(100, "b");
        k.cmd(new Pay(), new Confirm());
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        String txn = done.txnId();
        Order order = k.journal.order(txn).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.offline()).isTrue();
        assertJournalOk();
        k.drain();
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertJournalOk();
    }

    @Test
    void carrierDownWithoutOfflineSalesTellsTheCustomerBeforeCash() throws Exception {
        k.close();
        k = new FlowFixture(dir.resolve("b"), FlowFixture.settings(false, Money.rub(15000)));
        k.sim.faults().next(1, Fault.httpError(500), "/v1/accounts");
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("carrier.unavailable");
        assertThat(k.acceptor.commands).doesNotContain("enable");
    }

    @Test
    void accountCheckThatNeverAnswersTimesOutIntoOfflineSale() {
        k.holdIo = true;
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("9161234567");
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CHECKING_NUMBER);
        k.exec.advance(Duration.ofSeconds(14));
        assertThat(k.snap().screen()).isEqualTo(Screen.CHECKING_NUMBER);
        k.exec.advance(Duration.ofSeconds(1));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CONFIRM);
        assertThat(k.snap().offline()).isTrue();
        assertThat(k.snap().message().key()).isEqualTo("carrier.offline_sale");
        // The late answer is ignored: the session has moved on.
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CONFIRM);
        assertThat(k.snap().offline()).isTrue();
    }

    @Test
    void amountOutsideTheLimitsIsRefusedOnTheKeypad() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.OPERATOR_CONFIRM);
        k.cmd(new Next());
        k.type("5");
        k.cmd(new Next());
        assertThat(k.snap().message().key()).isEqualTo("amount.below_min");
        k.type("00000");
        k.cmd(new Next());
        assertThat(k.snap().message().key()).isEqualTo("amount.above_max");
        assertThat(k.snap().screen()).isEqualTo(Screen.AMOUNT_ENTRY);
    }

    @Test
    void cancelAfterCashPrintsACreditVoucher() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(100, "x1");
        k.insert(50, "x2");
        k.cmd(new Cancel());
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(150));
        assertThat(s.creditCode()).hasSize(12);
        assertThat(k.journal.openCredits()).extracting(c -> c.amount()).containsExactly(Money.rub(150));
        assertThat(k.journal.unprintedReceipts()).isEmpty();
        assertJournalOk();
        k.exec.advance(Duration.ofSeconds(20));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void startOverWithoutCashJustEnds() throws Exception {
        k.toCashInsertion("9161234567", "500");
        String txn = k.snap().txnId();
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(k.journal.openCredits()).isEmpty();
        assertJournalOk();
    }

    @Test
    void inactivityWarnsCountsDownAndContinueKeepsTheSession() {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("916");
        k.exec.advance(Duration.ofSeconds(59));
        assertThat(k.snap().countdown()).isNull();
        k.exec.advance(Duration.ofSeconds(1));
        assertThat(k.snap().countdown()).isEqualTo(15);
        k.exec.advance(Duration.ofSeconds(5));
        assertThat(k.snap().countdown()).isEqualTo(10);
        k.cmd(new StillHere());
        assertThat(k.snap().countdown()).isNull();
        assertThat(k.snap().numberDigits()).isEqualTo("916");
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void inactivityOnEveryCustomerScreenEndsAtIdle() throws Exception {
        k.cmd(new Start());
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.OPERATOR_CONFIRM);
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.toCashInsertion("9161234567", "100");
        String txn = k.snap().txnId();
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void inactivityWithEnoughCashPaysWhatWasInserted() throws Exception {
        k.toCashInsertion("9161234567", "1000");
        k.insert(500, "p1");
        String txn = k.snap().txnId();
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isIn(Screen.SUBMITTING, Screen.RECEIPT, Screen.DONE);
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertJournalOk();
    }

    @Test
    void noteThatWouldPassTheLimitIsReturned() throws Exception {
        k.close();
        k = new FlowFixture(dir.resolve("c"), FlowFixture.settings(true, Money.rub(1000)));
        k.toCashInsertion("9161234567", "900");
        k.insert(500, "l1");
        k.insert(1000, "l2");
        assertThat(k.acceptor.lastCommand()).isEqualTo("return");
        assertThat(k.snap().message().key()).isEqualTo("cash.note_returned_limit");
        assertThat(k.snap().cashInserted()).isEqualTo(Money.rub(500));
        k.insert(500, "l3");
        assertThat(k.snap().cashInserted()).isEqualTo(Money.rub(1000));
    }

    @Test
    void escrowOutsideCashInsertionIsReturned() {
        k.acceptor.raise(new BillEvent.Escrowed(Money.rub(100)));
        k.exec.runPending();
        assertThat(k.acceptor.lastCommand()).isEqualTo("return");
    }

    @Test
    void stackedNoteWithNoSessionBecomesACreditVoucher() throws Exception {
        k.acceptor.raise(new BillEvent.Stacked(Money.rub(200), "late"));
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(200));
        assertThat(k.acceptor.acknowledged).containsExactly("late");
        assertJournalOk();
    }

    @Test
    void powerUpWithANoteInTheStackerIsCreditedNotDropped() throws Exception {
        k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, Money.rub(500), "pu"));
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(500));
        // The device repeats it after another power cut before our acknowledgement: harmless.
        k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, Money.rub(500), "pu"));
        k.exec.runPending();
        assertThat(k.journal.stackedTotal()).isEqualTo(Money.rub(500));
        assertThat(k.journal.openCredits()).hasSize(1);
        assertThat(k.snap().screen()).as("no second voucher for a repeat").isEqualTo(Screen.CREDIT_VOUCHER);
        assertThat(k.acceptor.acknowledged).containsExactly("pu", "pu");
        assertJournalOk();
    }

    @Test
    void restartResumesAnOpenCashSession() throws Exception {
        k.toCashInsertion("9161234567", "700");
        k.insert(500, "r1");
        String txn = k.snap().txnId();
        k.flow = k.newFlow(); // the process died and came back
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(s.txnId()).isEqualTo(txn);
        assertThat(s.cashInserted()).isEqualTo(Money.rub(500));
        assertThat(s.message().key()).isEqualTo("session.resumed");
        // a note in the stacker at power-up joins the resumed order
        k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, Money.rub(200), "r2"));
        k.exec.runPending();
        assertThat(k.snap().cashInserted()).isEqualTo(Money.rub(700));
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(k.journal.order(txn).orElseThrow().amount()).isEqualTo(Money.rub(700));
        assertJournalOk();
    }

    @Test
    void finalRefusalTurnsTheMoneyIntoACreditVoucher() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "f1");
        k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.paymentStatus()).isEqualTo(PaymentStatus.REFUSED);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(100));
        assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
        assertJournalOk();
    }

    @Test
    void slowCarrierAfterSubmitEndsWithAPendingReceiptAndLaterConfirms() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "s1");
        k.sim.faults().next(1, Fault.httpError(503), "/v1/payments");
        k.cmd(new Pay(), new Confirm());
        String txn = k.snap().txnId();
        k.drain(); // 503: unknown outcome, deferred
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        k.exec.advance(Duration.ofSeconds(8));
        FlowSnapshot s = k.awaitScreen(Screen.DONE);
        assertThat(s.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        Thread.sleep(5); // the retry backoff in this fixture is a few milliseconds
        k.drain();
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(k.sim.ledger().get(txn).appliedCount()).isEqualTo(1);
    }

    @Test
    void paperOutKeepsThePaymentAndTheReceiptForReprint() throws Exception {
        k.printer.setPaperOut(true);
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "q1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot s = k.awaitScreen(Screen.DONE);
        assertThat(s.receipt()).isEqualTo(ReceiptState.FAILED);
        assertThat(s.message().key()).isEqualTo("receipt.failed");
        assertThat(s.qrPayload()).contains(s.txnId());
        assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(k.journal.unprintedReceipts()).hasSize(1);
        k.printer.setPaperOut(false);
        boolean[] printed = new boolean[1];
        k.desk.reprint(k.journal.unprintedReceipts().get(0), ok -> printed[0] = ok);
        k.await(x -> printed[0]);
        assertThat(k.journal.unprintedReceipts()).isEmpty();
    }

    @Test
    void acceptorFaultTakesTheKioskOutOfServiceUntilRecovered() throws Exception {
        k.acceptor.raise(new BillEvent.Fault("jam", true));
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        assertThat(k.snap().acceptorReady()).isFalse();
        k.cmd(new Start());
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        k.acceptor.raise(new BillEvent.Recovered());
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void acceptorFaultDuringCashLetsTheCustomerPayWhatIsIn() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(200, "j1");
        k.acceptor.raise(new BillEvent.Fault("jam", true));
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(k.snap().message().key()).isEqualTo("cash.acceptor_unavailable");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        assertJournalOk();
    }

    @Test
    void serviceLockDuringCashPrintsAVoucherThenLocks() throws Exception {
        k.toCashInsertion("9161234567", "500");
        k.insert(100, "d1");
        k.cmd(new Lock("door-open"));
        k.awaitScreen(Screen.CREDIT_VOUCHER);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        k.cmd(new Start());
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        k.cmd(new Unlock());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertJournalOk();
    }

    @Test
    void commandsThatDoNotBelongToTheScreenAreRefused() throws Exception {
        k.cmd(new Pay(), new Confirm(), new Next(), new Digit(5));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.toCashInsertion("9161234567", "100");
        k.cmd(new Confirm());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        k.cmd(new Pay()); // nothing inserted yet
        assertThat(k.snap().message().key()).isEqualTo("pay.below_min");
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
    }

    @Test
    void languageCanChangeOnEveryScreenWithoutLosingInput() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("916");
        k.cmd(new SetLanguage(Lang.ZH));
        assertThat(k.snap().lang()).isEqualTo(Lang.ZH);
        assertThat(k.snap().numberDigits()).isEqualTo("916");
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
    }

    @Test
    void confirmScreenGoesBackToCashOrCancelsIntoAVoucher() throws Exception {
        k.toCashInsertion("9161234567", "300");
        k.insert(200, "c1");
        k.cmd(new Pay());
        assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(k.acceptor.lastCommand()).isEqualTo("enable");
        k.insert(100, "c2");
        k.cmd(new Pay(), new Cancel());
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(300));
        assertThat(s.cashInserted()).isEqualTo(Money.ZERO_RUB);
        assertJournalOk();
    }

    @Test
    void backFromAnEmptyCashScreenReleasesTheOrder() throws Exception {
        k.toCashInsertion("9161234567", "300");
        String txn = k.snap().txnId();
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.AMOUNT_ENTRY);
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        k.insert(100, "b1");
        assertThat(k.acceptor.lastCommand()).isEqualTo("return");
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(k.snap().txnId()).isNotEqualTo(txn);
        // with cash in, Back is refused: the money must end in a payment or a voucher
        k.insert(100, "b2");
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
    }

    @Test
    void doneScreenReturnsToIdleByItself() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "d1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        k.exec.advance(Duration.ofSeconds(19));
        assertThat(k.snap().screen()).isEqualTo(Screen.DONE);
        k.exec.advance(Duration.ofSeconds(1));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void startOverWhileTheCarrierIsBeingAskedIgnoresTheLateAnswer() {
        k.holdIo = true;
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        k.type("9161234567");
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CHECKING_NUMBER);
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.advance(Duration.ofSeconds(30));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void languageScreenBackAndStartOverEndTheSession() {
        k.cmd(new Start());
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.cmd(new Start(), new SetLanguage(Lang.ZH), new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.LANGUAGE);
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(k.snap().lang()).isEqualTo(Lang.RU);
    }
}
