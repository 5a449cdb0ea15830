package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.FiscalQr;
import org.topupkiosk.flow.core.FlowCommand.Cancel;
import org.topupkiosk.flow.core.FlowCommand.ChooseOperator;
import org.topupkiosk.flow.core.FlowCommand.ChooseProduct;
import org.topupkiosk.flow.core.FlowCommand.ChooseService;
import org.topupkiosk.flow.core.FlowCommand.Confirm;
import org.topupkiosk.flow.core.FlowCommand.Finish;
import org.topupkiosk.flow.core.FlowCommand.Next;
import org.topupkiosk.flow.core.FlowCommand.Pay;
import org.topupkiosk.flow.core.FlowCommand.SetLanguage;
import org.topupkiosk.flow.core.FlowCommand.Start;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.fiscal.FiscalReceipts;
import org.topupkiosk.flow.fiscal.FiscalSettings;
import org.topupkiosk.flow.fiscal.MemoryFiscalRegister;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Issue 13 in the kiosk's flow, over the real journal, outbox, carrier simulator and printer emulator, with a register
 * kept in memory: the payment registered when the customer pays and before it goes to the carrier, the attributes
 * journaled before the receipt prints, the receipt's fiscal QR, a register failing mid-order (the money on a credit
 * voucher, the kiosk out of service), a register not ready before any cash, and a restart after a registration whose
 * order was never queued.
 */
class FiscalFlowTest {

    static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    static final FiscalItem.Supplier SUPPLIER = new FiscalItem.Supplier("ПАО «МТС»", "7740000076",
            List.of("+78002500890"));
    static final FiscalSettings SETTINGS = new FiscalSettings(FiscalReceipt.TaxSystem.USN_INCOME,
            new FiscalItem.Agent("Приём платежей", List.of("+74951234567"), List.of("+74957654321")),
            Map.of("mts", SUPPLIER, "beeline", SUPPLIER, "megafon", SUPPLIER, "t2", SUPPLIER), "kiosk 0042", MSK,
            Duration.ofHours(1));

    @TempDir
    Path dir;
    FlowFixture k;
    MemoryFiscalRegister register;

    @BeforeEach
    void open() throws Exception {
        k = new FlowFixture(dir);
        register = new MemoryFiscalRegister(Clock.systemUTC(), MSK);
        k.fiscal = new FiscalDesk(register, k.journal, SETTINGS, CrashPoints.NONE, Clock.systemUTC());
        k.flow = k.newFlow();
        k.awaitScreen(Screen.IDLE);
    }

    @AfterEach
    void close() {
        k.close();
    }

    private String paySixHundred() throws InterruptedException {
        k.toCashInsertion("9161234567", "600");
        String txn = k.snap().txnId();
        k.insert(500, "n1");
        k.insert(100, "n2");
        k.cmd(new Pay());
        k.cmd(new Confirm());
        return txn;
    }

    @Test
    void aTopUpIsRegisteredBeforeItIsQueuedAndItsReceiptCarriesTheFiscalQr() throws Exception {
        String txn = paySixHundred();
        k.await(s -> k.journal.order(txn).orElseThrow().status() != OrderStatus.OPEN);
        // Queued for the carrier only once its fiscal document was journaled.
        FiscalRecord doc = k.journal.fiscal().document(txn, FiscalIntent.INCOME).orElseThrow();
        assertThat(doc.sumMinor()).isEqualTo(60_000);
        FiscalReceipt sent = register.received.get(0);
        assertThat(sent.sign()).isEqualTo(FiscalReceipt.Sign.INCOME);
        assertThat(sent.items().get(0).name()).isEqualTo("Оплата услуг связи, +7 916 ***-**-67");
        assertThat(sent.items().get(0).supplier()).contains(SUPPLIER);
        assertThat(sent.totalMinor()).isEqualTo(60_000);
        assertThat(sent.cashPaidMinor()).isEqualTo(60_000);
        Order order = k.journal.order(txn).orElseThrow();
        long fee = order.fee().minor();
        if (fee > 0) {
            assertThat(sent.items()).extracting(FiscalItem::name).containsExactly(sent.items().get(0).name(),
                    FiscalReceipts.FEE_ITEM);
            assertThat(sent.items().get(1).priceMinor()).isEqualTo(fee);
        }

        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        StoredReceipt stored = k.journal.receipt(txn + "-payment").orElseThrow();
        Receipt paper = Receipt.fromStored(stored.receiptId(), stored.body(), 42);
        assertThat(paper.qrPayload()).isEqualTo(FiscalQr.text(doc, false))
                .startsWith("t=").contains("&s=600.00&fn=" + MemoryFiscalRegister.FN + "&i=" + doc.docNumber()
                        + "&fp=" + doc.fiscalSign() + "&n=1");
        assertThat(paper.asText()).contains(MemoryFiscalRegister.FN).contains("ФД").contains("ФП");
        assertThat(k.journal.verify().ok()).as(k.journal.verify().violations().toString()).isTrue();
        assertThat(register.receiptsSigned()).isEqualTo(1);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void aRegisterFailingMidOrderGivesTheMoneyBackOnAVoucherAndTakesTheKioskOutOfService() throws Exception {
        register.failNext(MemoryFiscalRegister.Fault.BEFORE_CLOSE, DeviceException.Code.FAILURE);
        String txn = paySixHundred();
        FlowSnapshot voucher = k.await(s -> s.screen() == Screen.CREDIT_VOUCHER);
        assertThat(voucher.qrPayload()).isNotNull();
        Order order = k.journal.order(txn).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(k.journal.openCredits()).anyMatch(c -> txn.equals(c.sourceTxn())
                && c.amount().equals(Money.rub(600)));
        assertThat(k.sim.ledger().get(txn)).isNull();
        assertThat(register.receiptsSigned()).isZero();
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
        assertThat(k.flow.outOfServiceReason()).hasValueSatisfying(r -> assertThat(r).contains("fiscal"));
        assertThat(k.journal.verify().ok()).as(k.journal.verify().violations().toString()).isTrue();
    }

    @Test
    void aRegisterOutOfPaperKeepsTheKioskOutOfServiceUntilItRecovers() throws Exception {
        register.paper = FiscalStatus.Paper.OUT;
        k.fiscal.check(ok -> { });
        k.awaitScreen(Screen.OUT_OF_SERVICE);
        assertThat(k.flow.outOfServiceReason()).hasValueSatisfying(r -> assertThat(r).contains("paper out"));
        register.paper = FiscalStatus.Paper.OK;
        k.fiscal.check(ok -> { });
        k.awaitScreen(Screen.IDLE);
    }

    @Test
    void noCashIsTakenWhileTheRegisterCannotRegister() throws Exception {
        k.toCashInsertion("9161234567", "600");
        assertThat(k.acceptor.lastCommand()).isEqualTo("enable");
        register.paper = FiscalStatus.Paper.OUT;
        k.cmd(new Cancel());
        k.fiscal.check(ok -> { });
        k.awaitScreen(Screen.OUT_OF_SERVICE);
        assertThat(k.acceptor.lastCommand()).isEqualTo("disable");
    }

    @Test
    void aRestartAfterTheRegistrationSubmitsTheConfirmedOrderOnce() throws Exception {
        k.toCashInsertion("9161234567", "600");
        String txn = k.snap().txnId();
        k.insert(500, "n1");
        k.insert(100, "n2");
        // The customer confirmed, the register signed and the journal kept it; the process died before the submit.
        FiscalReceipt receipt = FiscalReceipts.sale(SETTINGS, FiscalReceipts.topUpItem(
                k.journal.order(txn).orElseThrow().msisdn()), "mts", 57_000, 3_000, 60_000);
        assertThat(k.fiscal.registerNow(txn, receipt)).isNotNull();
        k.flow = k.newFlow();
        k.await(s -> k.journal.order(txn).orElseThrow().status() != OrderStatus.OPEN);
        assertThat(k.journal.order(txn).orElseThrow().status()).isIn(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        k.drain();
        k.await(s -> s.screen() == Screen.DONE || s.screen() == Screen.IDLE);
        assertThat(register.receiptsSigned()).isEqualTo(1);
        assertThat(k.sim.ledger().get(txn).appliedCount()).isEqualTo(1);
        assertThat(k.journal.verify().ok()).as(k.journal.verify().violations().toString()).isTrue();
    }

    @Test
    void anEPinIsRegisteredAtItsPriceWithEverythingPaidAsCashAndTheChangeOnAVoucher() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.EPIN));
        k.cmd(new ChooseOperator("beeline"));
        k.awaitScreen(Screen.GOODS_LIST);
        k.cmd(new ChooseProduct("beeline-epin-300"));
        k.cmd(new Next());
        String txn = k.snap().txnId();
        k.insert(200, "e1");
        k.insert(100, "e2");
        k.insert(50, "e3");
        k.cmd(new Pay(), new Confirm());
        k.await(s -> k.journal.order(txn).orElseThrow().status() != OrderStatus.OPEN);
        Order order = k.journal.order(txn).orElseThrow();
        FiscalReceipt sent = register.received.get(0);
        assertThat(sent.items().get(0).priceMinor()).isEqualTo(30_000);
        assertThat(sent.items().get(0).agentItem()).isTrue();
        assertThat(sent.totalMinor()).isEqualTo(order.amount().plus(order.fee()).minor());
        assertThat(sent.cashPaidMinor()).isEqualTo(35_000);
        assertThat(k.journal.fiscal().document(txn, FiscalIntent.INCOME).orElseThrow().sumMinor())
                .isEqualTo(sent.totalMinor());
        assertThat(order.change().isPositive()).isTrue();
    }
}
