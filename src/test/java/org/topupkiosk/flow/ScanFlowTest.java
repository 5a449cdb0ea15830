package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.ScannerControl;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/**
 * What a scanned code means on each screen, through the real flow, journal and carrier simulator, with a fake scanner
 * that behaves like the port: one reading per arm, readings while disarmed dropped.
 */
class ScanFlowTest {

    /** The 16-digit scratch PIN (Luhn) the simulator knows: MTS, 250 RUB. */
    static final String SCRATCH_PIN = "7700123456789013";

    @TempDir
    Path dir;
    FlowFixture k;
    FakeScanner scanner;

    /** The port's contract: armed delivers one reading and disarms; disarmed drops it. */
    final class FakeScanner implements ScannerControl {
        boolean armed;
        int arms;
        int dropped;

        @Override
        public void arm() {
            if (!armed) {
                arms++;
            }
            armed = true;
        }

        @Override
        public void disarm() {
            armed = false;
        }

        void scan(String text, Symbology symbology) {
            k.exec.runPending();
            CodeMeaning meaning = ScannedCode.classify(text, symbology);
            if (!armed) {
                dropped++;
                return;
            }
            armed = false;
            k.cmd(new CodeScanned(meaning));
        }

        void scan(String text) {
            scan(text, Symbology.CODE_128);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
        scanner = new FakeScanner();
        k.flow.attachScanner(scanner);
        k.cmd(new StillHere()); // publishes once, so the scanner sees the idle screen
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    private void assertJournalOk() {
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    private String message() {
        FlowMessage m = k.snap().message();
        return m == null ? null : m.key();
    }

    /** A session that put {@code rub} in and cancelled: the credit voucher code it printed. */
    private String voucherFromCancelledSession(long rub) throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(rub, "note-c-" + rub);
        k.cmd(new Cancel());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(rub));
        k.cmd(new Finish());
        return s.creditCode();
    }

    // Credit vouchers on the cash screen -------------------------------------------------------------------------------

    @Test
    void creditVoucherAppliedOnTheCashScreenCountsWithTheCashAndIsPaid() throws Exception {
        String code = voucherFromCancelledSession(100);
        k.toCashInsertion("9161234567", "300");
        k.insert(200, "note-1");
        assertThat(scanner.armed).as("armed on the cash screen").isTrue();
        scanner.scan(code);

        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(s.message().key()).isEqualTo("scan.credit.applied");
        assertThat(s.creditApplied()).isEqualTo(Money.rub(100));
        assertThat(s.cashInserted()).as("cash + credit").isEqualTo(Money.rub(300));
        assertThat(s.toBalance().plus(s.fee())).isEqualTo(Money.rub(300));
        assertThat(scanner.armed).as("re-armed after the reading").isTrue();
        Order open = k.journal.order(s.txnId()).orElseThrow();
        assertThat(open.creditApplied()).as("journaled before the screen showed it").isEqualTo(Money.rub(100));
        assertThat(open.cash()).isEqualTo(Money.rub(200));
        assertThat(k.journal.recentAudit(List.of("credit_redeemed"), 5)).singleElement()
                .satisfies(a -> assertThat(a.dataJson()).doesNotContain(code));

        k.cmd(new Pay());
        assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        assertThat(scanner.armed).as("disarmed off the code screens").isFalse();
        k.cmd(new Confirm());
        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        Order paid = k.journal.order(done.txnId()).orElseThrow();
        assertThat(paid.amount().plus(paid.fee())).isEqualTo(Money.rub(300));
        assertThat(paid.paid()).isEqualTo(Money.rub(300));
        String receipt = k.journal.recentReceipts(5).get(0).body();
        assertThat(receipt).contains("Cash inserted").contains("Credit voucher").doesNotContain(code);
        assertThat(receipt.lines().filter(l -> l.contains("Credit voucher")).findFirst().orElseThrow())
                .contains("100");
        assertThat(receipt.lines().filter(l -> l.contains("Cash inserted")).findFirst().orElseThrow())
                .contains("200");
        assertThat(k.journal.credit(code).orElseThrow().amount()).isEqualTo(Money.rub(100));
        assertJournalOk();

        // The same voucher again, on the next customer's cash screen: spent once.
        k.cmd(new Finish());
        k.toCashInsertion("9161234567", "100");
        scanner.scan(code);
        assertThat(message()).isEqualTo("scan.credit.already_used");
        assertThat(k.snap().creditApplied()).isEqualTo(Money.ZERO_RUB);
        assertThat(scanner.armed).isTrue();
        assertJournalOk();
    }

    @Test
    void cancelAfterAVoucherReturnsCashPlusCreditAsOneNewVoucher() throws Exception {
        String code = voucherFromCancelledSession(100);
        k.toCashInsertion("9161234567", "500");
        k.insert(200, "note-2");
        scanner.scan(code);
        assertThat(k.snap().creditApplied()).isEqualTo(Money.rub(100));
        k.cmd(new Cancel());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).as("the whole: 200 cash + 100 credit").isEqualTo(Money.rub(300));
        assertThat(s.creditCode()).isNotEqualTo(code);
        assertThat(scanner.armed).isFalse();
        assertJournalOk();
    }

    @Test
    void aVoucherWithAnOpenOrderSurvivesACrashCountedInTheResumedOrder() throws Exception {
        String code = voucherFromCancelledSession(50);
        k.toCashInsertion("9161234567", "300");
        k.insert(100, "note-3");
        scanner.scan(code);
        String txn = k.snap().txnId();

        k.flow = k.newFlow(); // the process restarts over the same journal
        FlowSnapshot resumed = k.snap();
        assertThat(resumed.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(resumed.txnId()).isEqualTo(txn);
        assertThat(resumed.cashInserted()).isEqualTo(Money.rub(150));
        assertThat(resumed.creditApplied()).isEqualTo(Money.rub(50));
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(k.journal.order(txn).orElseThrow().paid()).isEqualTo(Money.rub(150));
        assertJournalOk();
    }

    @Test
    void unknownVouchersAndVouchersOverTheMaximumAreRefusedWithoutTouchingTheOrder() throws Exception {
        k.toCashInsertion("9161234567", "100");
        scanner.scan("123456789015"); // a valid credit code this kiosk never issued
        assertThat(message()).isEqualTo("scan.credit.unknown");
        assertThat(k.snap().creditApplied()).isEqualTo(Money.ZERO_RUB);
        scanner.scan("123456789016"); // a misread check digit
        assertThat(message()).isEqualTo("scan.unknown.check_digit");
        scanner.scan("LPA:1$rsp.example.ru$K2-1X2Y3Z-4A5B6C", Symbology.QR_CODE);
        assertThat(message()).isEqualTo("scan.not_here.esim");
        scanner.scan(SCRATCH_PIN);
        assertThat(message()).isEqualTo("scan.not_here.scratch_card");
        assertThat(k.journal.order(k.snap().txnId()).orElseThrow().paid()).isEqualTo(Money.ZERO_RUB);
        assertJournalOk();
    }

    @Test
    void aVoucherThatWouldPassTheOperatorMaximumIsNotSpent() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(5000, "big-1");
        k.insert(5000, "big-2");
        k.insert(5000, "big-3");
        k.cmd(new Cancel());
        String big = k.await(x -> x.screen() == Screen.CREDIT_VOUCHER).creditCode();
        k.cmd(new Finish());
        k.toCashInsertion("9161234567", "100");
        k.insert(5000, "big-4");
        scanner.scan(big);
        FlowSnapshot s = k.snap();
        assertThat(s.maxAmount()).as("MTS takes at most 15 000 RUB").isEqualTo(Money.rub(15000));
        assertThat(s.message().key()).isEqualTo("scan.credit.over_max");
        assertThat(s.creditApplied()).isEqualTo(Money.ZERO_RUB);
        k.cmd(new Cancel());
        assertThat(k.await(x -> x.screen() == Screen.CREDIT_VOUCHER).creditAmount()).isEqualTo(Money.rub(5000));
        k.cmd(new Finish());
        // Still unspent: a smaller order takes it whole.
        k.toCashInsertion("9161234567", "15000");
        scanner.scan(big);
        assertThat(k.snap().creditApplied()).isEqualTo(Money.rub(15000));
        assertJournalOk();
    }

    @Test
    void aPackageIsPaidWithAVoucherAndCashTogether() throws Exception {
        String code = voucherFromCancelledSession(500);
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.PACKAGE));
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.PACKAGE_LIST);
        k.cmd(new ChooseProduct("mts-combo-15g-500-month"), new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(scanner.armed).isTrue();
        scanner.scan(code);
        FlowSnapshot s = k.snap();
        assertThat(s.creditApplied()).isEqualTo(Money.rub(500));
        k.cmd(new Pay());
        assertThat(message()).as("500 of voucher does not buy a 650 package").isEqualTo("pay.below_min");
        k.insert(200, "p-1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        Order order = k.journal.order(done.txnId()).orElseThrow();
        assertThat(order.productId()).isEqualTo("mts-combo-15g-500-month");
        assertThat(order.paid()).isEqualTo(Money.rub(700));
        assertThat(k.sim.ledger().get(done.txnId()).amount()).isEqualTo(Money.rub(700));
        assertJournalOk();
    }

    @Test
    void theCommandNeverShowsAPinOrAVoucherCodeInLogs() {
        assertThat(new CodeScanned(ScannedCode.classify(SCRATCH_PIN, Symbology.CODE_128)).toString())
                .doesNotContain(SCRATCH_PIN).contains("9013");
        assertThat(new CodeScanned(ScannedCode.classify("123456789015", Symbology.CODE_128)).toString())
                .doesNotContain("123456789015").contains("CreditVoucher");
    }

    // Other screens ------------------------------------------------------------------------------------------------------

    @Test
    void aTelQrFillsTheNumberOnTheNumberScreenAndIsExplainedElsewhere() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        assertThat(scanner.armed).as("home takes codes").isTrue();
        scanner.scan("tel:+79161234567", Symbology.QR_CODE);
        assertThat(message()).isEqualTo("scan.not_here.phone");
        k.cmd(new ChooseService(Service.BALANCE));
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.type("903");
        scanner.scan("tel:+7 (916) 765-43-21", Symbology.QR_CODE);
        FlowSnapshot s = k.snap();
        assertThat(s.numberDigits()).isEqualTo("9167654321");
        assertThat(s.message()).isNull();
        assertThat(scanner.armed).isTrue();
        scanner.scan("tel:+12025550123", Symbology.QR_CODE);
        assertThat(message()).isEqualTo("scan.unknown.bad_phone_number");
        assertThat(k.snap().numberDigits()).as("a bad number leaves the typed one").isEqualTo("9167654321");
        scanner.scan("123456789015");
        assertThat(message()).isEqualTo("scan.not_here.credit_voucher");
    }

    @Test
    void aScratchCardScannedAtHomeStartsTheCardServiceWithThePinValidated() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        scanner.scan(SCRATCH_PIN);
        FlowSnapshot card = k.awaitScreen(Screen.VOUCHER_CONFIRM);
        assertThat(card.service()).isEqualTo(Service.VOUCHER);
        assertThat(card.services().voucherNominal()).isEqualTo(Money.rub(250));
        assertThat(card.services().voucherPinLength()).isEqualTo(16);
        assertThat(card.toString()).as("the PIN never reaches a snapshot").doesNotContain(SCRATCH_PIN);
        assertThat(scanner.armed).as("no codes on the card's confirmation").isFalse();
        k.cmd(new Next());
        k.type("9161234567");
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.DONE).toBalance()).isEqualTo(Money.rub(250));
        assertThat(k.journal.recentAudit(List.of("voucher_redeem_sent"), 5)).singleElement()
                .extracting(AuditEntry::dataJson).asString().doesNotContain(SCRATCH_PIN);
    }

    @Test
    void aScratchCardScannedOnThePinScreenReplacesTheTypedDigits() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.VOUCHER));
        k.type("1234");
        assertThat(scanner.armed).isTrue();
        scanner.scan(SCRATCH_PIN);
        assertThat(k.awaitScreen(Screen.VOUCHER_CONFIRM).services().voucherNominal()).isEqualTo(Money.rub(250));
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.VOUCHER_PIN);
        scanner.scan("2912345678906", Symbology.EAN_13); // the card's number on its back, not its PIN
        assertThat(message()).isEqualTo("scan.scratch.card_number");
        assertThat(k.snap().screen()).isEqualTo(Screen.VOUCHER_PIN);
    }

    @Test
    void aScanWakesTheIdleKioskAndACreditVoucherAtHomeAsksForTheServiceFirst() throws Exception {
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(scanner.armed).as("the idle screen takes codes").isTrue();
        scanner.scan("123456789015");
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.HOME);
        assertThat(s.message().key()).isEqualTo("scan.credit.choose_service");
        assertThat(k.journal.ordersByStatus(OrderStatus.values())).isEmpty();
        scanner.scan("https://example.com/promo", Symbology.QR_CODE);
        assertThat(message()).isEqualTo("scan.unknown.not_recognized");
        assertThat(scanner.arms).as("armed again after every reading").isGreaterThanOrEqualTo(3);
    }

    @Test
    void readingsOffTheCodeScreensAreNeverDelivered() throws Exception {
        k.cmd(new Start());
        assertThat(k.snap().screen()).isEqualTo(Screen.LANGUAGE);
        assertThat(scanner.armed).isFalse();
        scanner.scan("123456789015");
        assertThat(scanner.dropped).isEqualTo(1);
        assertThat(k.snap().screen()).isEqualTo(Screen.LANGUAGE);
        k.cmd(new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        assertThat(scanner.armed).isFalse();
        // A reading that raced the screen change (delivered after the flow moved on) changes nothing.
        k.cmd(new CodeScanned(ScannedCode.classify("tel:+79161234567", Symbology.QR_CODE)));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        assertThat(k.snap().message()).isNull();
    }
}
