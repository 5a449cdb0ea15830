package org.topupkiosk.flow.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.fiscal.FiscalTestSettings;
import org.topupkiosk.flow.fiscal.MemoryFiscalRegister;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Issue 13 at the counter: a sale registered as "приход" before it goes to the carrier, the cash handed back for a
 * refused sale registered as "возврат прихода" with its own fiscal paper, a sale the register does not sign handed back,
 * and no sale while the register cannot register.
 */
class CounterFiscalTest {

    @TempDir
    Path dir;
    CounterFixture k;
    MemoryFiscalRegister register;

    private void open() throws Exception {
        register = new MemoryFiscalRegister(Clock.systemUTC(), FiscalTestSettings.MSK);
        k = CounterFixture.withFiscal(dir, journal -> new FiscalDesk(register, journal, FiscalTestSettings.SETTINGS,
                CrashPoints.NONE, Clock.systemUTC()));
        k.await(x -> !x.cashiers().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        if (k != null) {
            k.close();
        }
    }

    /** Registered, then queued for the carrier (the flow thread hears the register). */
    private void awaitQueued() throws InterruptedException {
        k.await(x -> x.txnId() != null
                && k.journal.order(x.txnId()).orElseThrow().status() != OrderStatus.OPEN);
    }

    @Test
    void aRefusedSaleIsRegisteredBackAsReturnOfIncome() throws Exception {
        open();
        k.ready();
        k.toReceived("9161234567", "300");
        k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        k.type("500");
        k.cmd(new CounterCommand.Next());
        awaitQueued();
        k.drain();
        CounterSnapshot s = k.await(x -> x.screen() == CounterScreen.RETURN_CASH);
        String txn = s.txnId();
        k.await(x -> k.journal.fiscal().document(txn, FiscalIntent.INCOME_RETURN).isPresent()
                && k.journal.receipt(txn + "-return").map(StoredReceipt::printed).orElse(false));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
        List<FiscalReceipt> sent = register.received;
        assertThat(sent).extracting(FiscalReceipt::sign)
                .containsExactly(FiscalReceipt.Sign.INCOME, FiscalReceipt.Sign.INCOME_RETURN);
        assertThat(sent.get(0).cashPaidMinor()).isEqualTo(50_000);
        assertThat(sent.get(1).totalMinor()).isEqualTo(30_000);
        assertThat(sent.get(1).cashier()).isEqualTo("Анна Петрова");
        assertThat(register.documents.get(register.documents.size() - 1).kind())
                .isEqualTo(FiscalDocument.Kind.RECEIPT_INCOME_RETURN);
        FiscalRecord ret = k.journal.fiscal().document(txn, FiscalIntent.INCOME_RETURN).orElseThrow();
        String body = k.journal.receipt(txn + "-return").orElseThrow().body();
        assertThat(body).contains("&n=2").contains(Long.toString(ret.fiscalSign()));
        assertThat(k.journal.verify().ok()).as(k.journal.verify().violations().toString()).isTrue();
    }

    @Test
    void aSaleTheRegisterDoesNotSignIsHandedBackAndNeverSent() throws Exception {
        open();
        k.ready();
        k.toReceived("9161234567", "300");
        register.failNext(MemoryFiscalRegister.Fault.BEFORE_CLOSE, DeviceException.Code.FAILURE);
        k.type("300");
        k.cmd(new CounterCommand.Next());
        CounterSnapshot s = k.await(x -> x.screen() == CounterScreen.RETURN_CASH);
        assertThat(s.message().key()).isEqualTo("counter.fiscal_failed_return");
        assertThat(s.message().args()).containsExactly(Money.rub(300));
        assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(k.journal.openCredits()).isEmpty();
        assertThat(k.sim.ledger().get(s.txnId())).isNull();
        assertThat(k.printer.drawerKicks()).isZero();
        assertThat(k.journal.verify().ok()).as(k.journal.verify().violations().toString()).isTrue();
    }

    @Test
    void noSaleStartsWhileTheRegisterCannotRegister() throws Exception {
        open();
        k.ready();
        register.paper = FiscalStatus.Paper.OUT;
        k.fiscalDesk.check(ok -> { });
        k.await(x -> !k.fiscalDesk.ready());
        k.type("9161234567");
        k.cmd(new CounterCommand.Next());
        CounterSnapshot s = k.await(x -> x.message() != null);
        assertThat(s.screen()).isEqualTo(CounterScreen.NUMBER);
        assertThat(s.message().key()).isEqualTo("fiscal.out_of_service");
        assertThat(k.journal.ordersByStatus()).isEmpty();
    }

    @Test
    void aSaleIsRegisteredBeforeItIsSent() throws Exception {
        open();
        k.ready();
        k.toReceived("9161234567", "300");
        k.type("500");
        k.cmd(new CounterCommand.Next());
        awaitQueued();
        k.drain();
        CounterSnapshot s = k.await(x -> x.screen() == CounterScreen.DONE
                && x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
        FiscalRecord doc = k.journal.fiscal().document(s.txnId(), FiscalIntent.INCOME).orElseThrow();
        assertThat(doc.sumMinor()).isEqualTo(30_000);
        assertThat(k.journal.receipt(s.txnId() + "-payment").orElseThrow().body()).contains("&n=1")
                .contains(MemoryFiscalRegister.FN);
        assertThat(k.sim.ledger().get(s.txnId()).appliedCount()).isEqualTo(1);
    }
}
