package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Issue 12 item 1: a note stacked after its session ended, while the screen shows RECEIPT or SUBMITTING, used to
 * become an open credit that was never printed. Each test here failed on that code: the late note's voucher was
 * journaled and no receipt for it was ever stored or printed.
 */
class LateNoteFlowTest {

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

    private CustomerCredit creditOf(Money amount, String reason) {
        return k.journal.openCredits().stream().filter(c -> c.amount().equals(amount) && c.reason().contains(reason))
                .findFirst().orElseThrow();
    }

    private void awaitPrinted(CustomerCredit c) throws InterruptedException {
        k.await(s -> k.journal.receipt("credit-" + c.code()).map(StoredReceipt::printed).orElse(false));
        assertThat(k.printer.printed()).anyMatch(p -> p.text().contains(c.code()));
    }

    /** The repro of the issue: insert 100, insert 500 and press Cancel while the 500 is stacking. */
    @Test
    void cancelWhileTheLastNoteStacksPrintsItsVoucherBehindTheCancelVoucher() throws Exception {
        k.toCashInsertion("9161234567", "600");
        k.insert(100, "a1");
        k.acceptor.raise(new BillEvent.Escrowed(Money.rub(500)));
        k.exec.runPending();
        assertThat(k.acceptor.lastCommand()).isEqualTo("stack");
        k.cmd(new Cancel());
        assertThat(k.snap().screen()).isEqualTo(Screen.RECEIPT);
        k.acceptor.raise(new BillEvent.Stacked(Money.rub(500), "a2"));
        k.exec.runPending();

        assertThat(k.acceptor.acknowledged).contains("a2");
        CustomerCredit late = creditOf(Money.rub(500), "stacked-outside-session");
        assertThat(k.journal.receipt("credit-" + late.code())).as("journaled before anything shows it").isPresent();
        assertThat(k.snap().message().key()).isEqualTo("credit.late_note");
        awaitPrinted(creditOf(Money.rub(100), "customer-cancel"));
        awaitPrinted(late);
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "cancel racing the stacker");
    }

    /** The five-tap lock (or the door) while a note stacks: the lock's voucher and the late note's both print. */
    @Test
    void aLockWhileTheNoteStacksPrintsBoth() throws Exception {
        k.toCashInsertion("9161234567", "600");
        k.insert(100, "b1");
        k.acceptor.raise(new BillEvent.Escrowed(Money.rub(500)));
        k.exec.runPending();
        k.cmd(new Lock("five-tap"));
        k.acceptor.raise(new BillEvent.Stacked(Money.rub(500), "b2"));
        k.exec.runPending();
        awaitPrinted(creditOf(Money.rub(500), "stacked-outside-session"));
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "lock racing the stacker");
    }

    /** A note that lands while the payment is being submitted: its voucher prints at once, the payment goes on. */
    @Test
    void aNoteStackedWhileSubmittingPrintsAtOnce() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "c1");
        k.cmd(new Pay(), new Confirm());
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        k.acceptor.raise(new BillEvent.Stacked(Money.rub(50), "c2"));
        k.exec.runPending();
        awaitPrinted(creditOf(Money.rub(50), "stacked-outside-session"));
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(k.snap().message().key()).as("the done screen still says to take the voucher")
                .isEqualTo("credit.late_note");
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "stacked while submitting");
    }

    /**
     * A restart during an e-PIN sale at the stacked-before-commit crash point: the order keeps its product and price
     * (item 6), so recovery resumes it on the cash screen, and the note the crash interrupted, reported by the acceptor
     * at power-up, lands in that order. A cancel then puts all of it on one printed voucher.
     */
    @Test
    void aNoteReplayedAfterARestartDuringAnEPinSaleLandsInTheResumedOrder() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.EPIN), new ChooseOperator("mts"));
        k.awaitScreen(Screen.GOODS_LIST);
        k.cmd(new ChooseProduct("mts-epin-300"), new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        k.insert(200, "d1");
        k.flow = k.newFlow();   // the process died while the next note was stacking
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER, Money.rub(100),
                "d2"));
        k.exec.runPending();
        assertThat(k.journal.findOpenOrder().orElseThrow().cash()).isEqualTo(Money.rub(300));
        k.cmd(new Cancel());
        awaitPrinted(creditOf(Money.rub(300), ""));
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "restart at stacked-before-commit");
    }

    /**
     * The process died after the late note's credit committed and before its voucher was stored: the next start
     * composes, stores and prints it (before this change nothing ever printed it).
     */
    @Test
    void aVoucherNeverStoredBeforeACrashPrintsAtTheNextStart() throws Exception {
        CustomerCredit orphan = k.journal.recordStackedWithoutOrder(Money.rub(1000), "z1", "stacked-outside-session");
        assertThat(k.journal.openCreditsNotOnPaper()).extracting(CustomerCredit::code).containsExactly(orphan.code());
        k.flow = k.newFlow();
        awaitPrinted(orphan);
        assertThat(k.journal.openCreditsNotOnPaper()).isEmpty();
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "crash between credit and voucher");
    }
}
