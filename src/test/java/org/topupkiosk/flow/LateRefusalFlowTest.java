package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Issue 12 item 2: a carrier answer after the submit wait, or a refusal of a sale made offline, used to make a credit
 * voucher nobody printed, and top-up receipts of an unknown outcome had no claim code. Each test here failed on that
 * code (no claim code existed for a top-up; the refusal's credit was on no paper).
 */
class LateRefusalFlowTest {

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

    /** A top-up the carrier does not answer within the submit wait: the pending receipt, with its claim code. */
    private String pendingTopUp(String amountRub) throws Exception {
        k.toCashInsertion("9161234567", amountRub);
        String txn = k.snap().txnId();
        k.insert(Long.parseLong(amountRub), "n-" + txn);
        k.cmd(new Pay(), new Confirm());
        k.sim.faults().next(1, new Fault.Timeout(4_000), "/v1/payments");
        k.drain();
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        k.exec.advance(k.settings.submitWait());
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        return txn;
    }

    private PrintedReceipt awaitPaperWith(String text) throws InterruptedException {
        k.await(s -> k.printer.printed().stream().anyMatch(p -> p.text().contains(text)
                || p.qrPayloads().contains(text)));
        return k.printer.printed().stream().filter(p -> p.text().contains(text) || p.qrPayloads().contains(text))
                .findFirst().orElseThrow();
    }

    private CustomerCredit refundOf(String txn) {
        return k.journal.openCredits().stream().filter(c -> txn.equals(c.sourceTxn())).findFirst().orElseThrow();
    }

    private void refuseInTheOutbox(String txn) throws Exception {
        k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        Thread.sleep(5);
        k.drain();
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
    }

    @Test
    void aPendingTopUpReceiptCarriesAClaimCodeTheScannerReads() throws Exception {
        String txn = pendingTopUp("300");
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        PrintedReceipt paper = awaitPaperWith(claim);
        assertThat(paper.qrPayloads()).containsExactly(claim);
        assertThat(paper.barcodes()).containsExactly(claim);
        assertThat(ScannedCode.classify(claim, Symbology.CODE_128)).isEqualTo(new CodeMeaning.GoodsClaim(claim));
        StoredReceipt stored = k.journal.recentReceipts(5).stream().filter(r -> txn.equals(r.txnId())).findFirst()
                .orElseThrow();
        assertThat(stored.kind()).isEqualTo("payment");
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    /**
     * The customer left with the pending receipt; the carrier refuses later. The credit stays open and counts as on
     * paper through the claim receipt of its txn; scanned, the claim prints the voucher once, a second scan says so.
     */
    @Test
    void aRefusalAfterTheCustomerLeftIsReachedThroughTheClaimCodeOnce() throws Exception {
        String txn = pendingTopUp("500");
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        awaitPaperWith(claim);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        refuseInTheOutbox(txn);
        k.exec.runPending();
        assertThat(k.snap().screen()).as("nobody is there: nothing prints by itself").isEqualTo(Screen.IDLE);
        CustomerCredit refund = refundOf(txn);
        assertThat(refund.amount()).isEqualTo(Money.rub(500));
        assertThat(k.journal.creditOnPaper(refund.code())).as("the claim receipt of " + txn).isTrue();
        assertThat(k.journal.openCreditsNotOnPaper()).isEmpty();

        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        FlowSnapshot voucher = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(voucher.creditCode()).isEqualTo(refund.code());
        assertThat(voucher.message().key()).isEqualTo("goods.claim.refused");
        awaitPaperWith(refund.code());
        int papers = k.printer.printed().size();
        k.cmd(new Finish());

        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        assertThat(k.snap().message().key()).isEqualTo("claim.refund_given");
        Thread.sleep(50);
        assertThat(k.printer.printed()).as("never a second bearer voucher").hasSize(papers);
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "late refusal");
    }

    /** An offline sale refused later by the outbox: the same claim code reaches its credit. */
    @Test
    void anOfflineSaleRefusedLaterIsReachedThroughItsClaimCode() throws Exception {
        k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
        k.toCashInsertion("9161234567", "200");
        assertThat(k.snap().offline()).isTrue();
        String txn = k.snap().txnId();
        k.insert(200, "o1");
        k.cmd(new Pay(), new Confirm());
        k.awaitScreen(Screen.DONE);
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        awaitPaperWith(claim);
        k.cmd(new Finish());
        refuseInTheOutbox(txn);
        assertThat(k.journal.creditOnPaper(refundOf(txn).code())).isTrue();
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        k.awaitScreen(Screen.CREDIT_VOUCHER);
        awaitPaperWith(refundOf(txn).code());
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "offline sale refused later");
    }

    /** Confirmed later: the claim shows the carrier's reference and prints the outcome; waiting before that. */
    @Test
    void aClaimSaysWaitingThenPrintsTheConfirmationWithTheCarrierReference() throws Exception {
        String txn = pendingTopUp("100");
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        k.cmd(new Finish());
        k.sim.faults().next(1, new Fault.Timeout(4_000), "/v1/payments");
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        assertThat(k.snap().message().key()).isEqualTo("claim.payment.waiting");
        k.cmd(new StartOver());
        Thread.sleep(5);
        k.drain();
        k.drain();
        String ref = k.journal.order(txn).orElseThrow().carrierRef();
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        FlowSnapshot shown = k.awaitScreen(Screen.DONE);
        assertThat(shown.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(ref).isNotBlank();
        awaitPaperWith(ref);
        assertThat(k.journal.receipt(txn + "-outcome")).isPresent();
        assertThat(k.journal.recentAudit(List.of("payment_claimed"), 5)).hasSize(2)
                .allMatch(a -> !a.dataJson().contains(claim));
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "confirmed later");
    }

    /** On the cash screen, a refused payment's claim puts its money into the open order instead of a voucher. */
    @Test
    void aClaimScannedOnTheCashScreenPutsTheRefusalIntoTheOpenOrder() throws Exception {
        String txn = pendingTopUp("300");
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        k.cmd(new Finish());
        refuseInTheOutbox(txn);
        k.toCashInsertion("9161234567", "500");
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        assertThat(k.snap().creditApplied()).isEqualTo(Money.rub(300));
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        k.insert(200, "m2");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "refusal spent into a new order");
    }

    /** The answer comes after the wait while the customer still reads the done screen: the voucher prints now. */
    @Test
    void aRefusalAfterTheWaitWhileTheCustomerIsStillThereShowsTheVoucher() throws Exception {
        String txn = pendingTopUp("100");
        k.await(s -> s.screen() == Screen.DONE);
        refuseInTheOutbox(txn);
        FlowSnapshot v = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(v.creditCode()).isEqualTo(refundOf(txn).code());
        awaitPaperWith(refundOf(txn).code());
        PaperChecks.assertEveryRoubleOnPaperOrInAnOrder(k, "late refusal on the done screen");
    }
}
