package org.topupkiosk.flow.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;

/**
 * Registration with the journal around it, against a register kept in memory that outlives each "restart" (a new
 * journal and desk on the same file): the crash before the send, after the close before the journal, and mid-receipt;
 * failures before and after the close; a silent line; a register that is not ready.
 */
class FiscalDeskTest {

    static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    static final FiscalSettings SETTINGS = new FiscalSettings(FiscalReceipt.TaxSystem.USN_INCOME,
            new FiscalItem.Agent("Приём платежей", List.of("+74951234567"), List.of("+74957654321")),
            Map.of("mts", new FiscalItem.Supplier("ПАО «МТС»", "7740000076", List.of("+78002500890"))), "kiosk 0042",
            MSK, Duration.ofHours(1));

    /** Throws at the named point once, as SIGKILL would end the process there. */
    static final class Crash extends RuntimeException {
        Crash(String point) {
            super(point);
        }
    }

    @TempDir
    Path dir;
    Journal journal;
    MemoryFiscalRegister register;
    FiscalDesk desk;

    @BeforeEach
    void open() {
        register = new MemoryFiscalRegister(Clock.systemUTC(), MSK);
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        desk = new FiscalDesk(register, journal, SETTINGS, CrashPoints.NONE, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    /** The process dies; the next life opens the same journal, crashing at {@code crashAt} (or nowhere). */
    private void restart(String crashAt) {
        journal.close();
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        CrashPoints crash = crashAt == null ? CrashPoints.NONE : name -> {
            if (name.equals(crashAt)) {
                throw new Crash(name);
            }
        };
        desk = new FiscalDesk(register, journal, SETTINGS, crash, Clock.systemUTC());
    }

    /** An open top-up order with 600 roubles stacked: 570 to the balance, 30 fee. */
    private String paidOrder() {
        Order o = journal.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(500), o.txnId() + "-a");
        journal.recordStacked(o.txnId(), Money.rub(100), o.txnId() + "-b");
        return o.txnId();
    }

    private static FiscalReceipt receipt() {
        return FiscalReceipts.sale(SETTINGS, FiscalReceipts.topUpItem(Msisdn.of("+79161234567")), "mts", 57_000,
                3_000, 60_000);
    }

    private void submit(String txn) {
        journal.submit(txn, Money.rub(570), Money.rub(30), false, "{\"txn\":\"x\"}");
    }

    @Test
    void registersOnceAndJournalsTheAttributes() {
        String txn = paidOrder();
        FiscalOutcome o = desk.registerNow(txn, receipt());
        assertThat(o).isInstanceOf(FiscalOutcome.Registered.class);
        FiscalOutcome.Registered r = (FiscalOutcome.Registered) o;
        assertThat(r.record().fnSerial()).isEqualTo(MemoryFiscalRegister.FN);
        assertThat(r.record().sumMinor()).isEqualTo(60_000);
        assertThat(r.record().adopted()).isFalse();
        assertThat(r.qrText()).startsWith("t=").contains("&s=600.00&fn=" + MemoryFiscalRegister.FN + "&i=")
                .endsWith("&n=1");
        FiscalReceipt sent = register.received.get(0);
        assertThat(sent.items()).extracting(FiscalItem::name)
                .containsExactly("Оплата услуг связи, +7 916 ***-**-67", FiscalReceipts.FEE_ITEM);
        assertThat(sent.items().get(0).supplier().orElseThrow().inn()).isEqualTo("7740000076");
        assertThat(sent.items().get(1).agentItem()).isFalse();
        assertThat(sent.cashPaidMinor()).isEqualTo(60_000);

        // A repeat (the flow asked twice) answers the same document and sends nothing.
        assertThat(desk.registerNow(txn, receipt())).isEqualTo(o);
        assertThat(register.receiptsSigned()).isEqualTo(1);
        submit(txn);
        assertThat(journal.verify().ok()).as(journal.verify().violations().toString()).isTrue();
        assertThat(desk.ready()).isTrue();
    }

    @Test
    void crashBeforeTheSendIsRegisteredAtRestart() {
        String txn = paidOrder();
        restart("fiscal-before-send");
        assertThatThrownBy(() -> desk.registerNow(txn, receipt())).isInstanceOf(Crash.class);
        assertThat(register.receiptsSigned()).isZero();
        assertThat(journal.fiscal().openIntents()).hasSize(1);

        restart(null);
        List<FiscalOutcome> out = desk.recoverNow();
        assertThat(out).singleElement().isInstanceOf(FiscalOutcome.Registered.class);
        assertThat(((FiscalOutcome.Registered) out.get(0)).record().adopted()).isFalse();
        assertThat(register.receiptsSigned()).isEqualTo(1);
        assertThat(journal.fiscal().openIntents()).isEmpty();
        assertThat(desk.ready()).isTrue();
    }

    @Test
    void crashAfterTheCloseBeforeTheJournalIsAdoptedNotRegisteredAgain() {
        String txn = paidOrder();
        restart("fiscal-after-close");
        assertThatThrownBy(() -> desk.registerNow(txn, receipt())).isInstanceOf(Crash.class);
        assertThat(register.receiptsSigned()).isEqualTo(1);
        assertThat(journal.fiscal().document(txn, FiscalIntent.INCOME)).isEmpty();

        restart(null);
        List<FiscalOutcome> out = desk.recoverNow();
        FiscalOutcome.Registered r = (FiscalOutcome.Registered) out.get(0);
        assertThat(r.record().adopted()).isTrue();
        assertThat(r.record().docNumber()).isEqualTo(register.documents.get(0).number());
        assertThat(register.receiptsSigned()).isEqualTo(1);
        // A second restart finds nothing to do.
        restart(null);
        assertThat(desk.recoverNow()).isEmpty();
        assertThat(register.receiptsSigned()).isEqualTo(1);
    }

    @Test
    void crashMidReceiptCancelsTheOpenReceiptThenRegisters() {
        String txn = paidOrder();
        restart("fiscal-before-send");
        assertThatThrownBy(() -> desk.registerNow(txn, receipt())).isInstanceOf(Crash.class);
        register.receiptOpen = true; // the power went while the register held the receipt open

        restart(null);
        List<FiscalOutcome> out = desk.recoverNow();
        assertThat(register.cancels).isEqualTo(1);
        assertThat(register.receiptOpen).isFalse();
        assertThat(out).singleElement().isInstanceOf(FiscalOutcome.Registered.class);
        assertThat(register.receiptsSigned()).isEqualTo(1);
    }

    @Test
    void aDocumentOfAnotherSumIsNotAdopted() throws DeviceException {
        String txn = paidOrder();
        restart("fiscal-before-send");
        assertThatThrownBy(() -> desk.registerNow(txn, receipt())).isInstanceOf(Crash.class);
        // Someone registered something else on the register meanwhile (a technician's test receipt).
        FiscalReceipt other = FiscalReceipts.sale(SETTINGS, "test", "mts", 100, 0, 100);
        register.register(other);

        restart(null);
        List<FiscalOutcome> out = desk.recoverNow();
        FiscalOutcome.Registered r = (FiscalOutcome.Registered) out.get(0);
        assertThat(r.record().adopted()).isFalse();
        assertThat(r.record().sumMinor()).isEqualTo(60_000);
        assertThat(register.receiptsSigned()).isEqualTo(2);
    }

    @Test
    void failureBeforeTheCloseIsGivenUpAndTakesTheRegisterOutOfService() {
        String txn = paidOrder();
        register.failNext(MemoryFiscalRegister.Fault.BEFORE_CLOSE, DeviceException.Code.FAILURE);
        FiscalOutcome o = desk.registerNow(txn, receipt());
        assertThat(o).isInstanceOf(FiscalOutcome.NotRegistered.class);
        assertThat(((FiscalOutcome.NotRegistered) o).unknown()).isFalse();
        assertThat(desk.ready()).isFalse();
        assertThat(desk.fault()).contains("refused before the close");
        assertThat(journal.fiscal().openIntents()).isEmpty();
        assertThat(register.receiptsSigned()).isZero();
        // The flow turns the money into a credit voucher; the journal holds.
        journal.cancel(txn, "fiscal-failure");
        assertThat(journal.verify().violations()).noneMatch(v -> v.check().startsWith("fiscal"));
    }

    @Test
    void answerLostAfterTheCloseIsAdopted() {
        String txn = paidOrder();
        register.failNext(MemoryFiscalRegister.Fault.AFTER_CLOSE, DeviceException.Code.TIMEOUT);
        FiscalOutcome o = desk.registerNow(txn, receipt());
        assertThat(o).isInstanceOf(FiscalOutcome.Registered.class);
        assertThat(((FiscalOutcome.Registered) o).record().adopted()).isTrue();
        assertThat(register.receiptsSigned()).isEqualTo(1);
    }

    @Test
    void powerCutMidReceiptCancelsItAndGivesUp() {
        String txn = paidOrder();
        register.failNext(MemoryFiscalRegister.Fault.MID_RECEIPT, DeviceException.Code.FAILURE);
        FiscalOutcome o = desk.registerNow(txn, receipt());
        assertThat(o).isInstanceOf(FiscalOutcome.NotRegistered.class);
        assertThat(register.receiptOpen).isFalse();
        assertThat(register.cancels).isEqualTo(1);
    }

    @Test
    void aSilentLineLeavesTheIntentOpenAndRecoveryAdoptsItForTheCancelledOrder() {
        String txn = paidOrder();
        register.failNext(MemoryFiscalRegister.Fault.SILENT_AFTER_CLOSE, DeviceException.Code.TIMEOUT);
        FiscalOutcome o = desk.registerNow(txn, receipt());
        assertThat(((FiscalOutcome.NotRegistered) o).unknown()).isTrue();
        assertThat(journal.fiscal().openIntents()).hasSize(1);
        journal.cancel(txn, "fiscal-unknown"); // the flow's credit voucher
        assertThat(journal.verify().summary()).contains("fiscal_open_intents=1");

        register.silent = false;
        List<FiscalOutcome> out = desk.recoverNow();
        assertThat(((FiscalOutcome.Registered) out.get(0)).record().adopted()).isTrue();
        assertThat(register.receiptsSigned()).isEqualTo(1);
        assertThat(desk.ready()).isTrue();
    }

    @Test
    void anUnsignedIntentOfACancelledOrderIsGivenUpNotRegistered() {
        String txn = paidOrder();
        restart("fiscal-before-send");
        assertThatThrownBy(() -> desk.registerNow(txn, receipt())).isInstanceOf(Crash.class);
        journal.cancel(txn, "recovery");
        restart(null);
        List<FiscalOutcome> out = desk.recoverNow();
        assertThat(out).singleElement().isInstanceOf(FiscalOutcome.NotRegistered.class);
        assertThat(register.receiptsSigned()).isZero();
        assertThat(journal.fiscal().openIntents()).isEmpty();
    }

    @Test
    void notReadyRegistersNothingAndJournalsNoIntent() {
        String txn = paidOrder();
        register.paper = FiscalStatus.Paper.OUT;
        FiscalOutcome o = desk.registerNow(txn, receipt());
        assertThat(((FiscalOutcome.NotRegistered) o).reason()).contains("paper out");
        assertThat(journal.fiscal().intent(txn, FiscalIntent.INCOME)).isEmpty();
        register.paper = FiscalStatus.Paper.OK;
        register.fnValidUntil = LocalDate.of(2020, 1, 1);
        assertThat(((FiscalOutcome.NotRegistered) desk.registerNow(txn, receipt())).reason()).contains("expired");
        assertThat(desk.ready()).isFalse();
    }

    @Test
    void aClosedShiftIsOpenedFirst() {
        register.shiftOpen = false;
        String txn = paidOrder();
        assertThat(desk.registerNow(txn, receipt())).isInstanceOf(FiscalOutcome.Registered.class);
        assertThat(register.shift).isEqualTo(2);
        assertThat(desk.registered(txn, false)).map(r -> r.record().shiftNumber()).isEqualTo(Optional.of(2));
    }

    @Test
    void theRefundIsAReturnOfTheSameItems() {
        String txn = paidOrder();
        desk.registerNow(txn, receipt());
        FiscalOutcome o = desk.registerNow(txn, FiscalReceipts.refundOf(receipt(), "Анна"));
        FiscalOutcome.Registered r = (FiscalOutcome.Registered) o;
        assertThat(r.refund()).isTrue();
        assertThat(r.qrText()).endsWith("&n=2").contains("&s=600.00&");
        assertThat(register.received.get(1).sign()).isEqualTo(FiscalReceipt.Sign.INCOME_RETURN);
    }
}
