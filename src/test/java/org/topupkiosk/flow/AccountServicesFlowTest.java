package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.carrier.simulator.SimOtp;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.account.AutoTopUps;
import org.topupkiosk.flow.account.PaymentHistory;
import org.topupkiosk.flow.core.AccountView;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Auto top-up and recent payments end to end: the real flow, journal (SQLite file), REST adapter, carrier simulator
 * over loopback and the emulated ESC/POS printer, with a manual flow thread and a carrier clock the test moves. The
 * code is read from the simulator's SMS inbox as a customer reads their phone.
 */
class AccountServicesFlowTest {

    static final Msisdn PHONE = Msisdn.of("+79161234567");
    private static final Pattern CODE = Pattern.compile("Код (\\d{6})");

    /** The carrier's clock: codes live 5 minutes there. */
    static final class CarrierClock extends Clock {
        volatile Instant offset = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offset.toEpochMilli());
        }

        void forward(Duration d) {
            offset = offset.plus(d);
        }
    }

    @TempDir
    Path dir;
    final CarrierClock carrierClock = new CarrierClock();
    FlowFixture k;

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir, FlowFixture.settings(true, Money.rub(15000)), carrierClock);
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    private void home(Service service, Lang lang) {
        k.cmd(new Start(), new SetLanguage(lang), new ChooseService(service));
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
    }

    private String sms(Msisdn m) {
        List<SimOtp.Sms> inbox = k.sim.otp().inbox(m);
        assertThat(inbox).as("an SMS reached the phone").isNotEmpty();
        Matcher x = CODE.matcher(inbox.get(inbox.size() - 1).text());
        assertThat(x.find()).isTrue();
        return x.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private AccountView account() {
        return k.snap().services().account();
    }

    private List<AuditEntry> audit(String kind) {
        return k.journal.recentAudit(List.of(kind), 50);
    }

    private void assertJournalOk() {
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    /** Number, threshold, amount, summary, then "Send code": the code screen. */
    private void toCode(String national, long threshold, long amount) throws Exception {
        k.type(national);
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_THRESHOLD);
        assertThat(account().choices()).containsExactlyElementsOf(AutoTopUps.THRESHOLDS);
        k.cmd(new ChooseAmount(Money.rub(threshold)));
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_AMOUNT);
        assertThat(account().choices()).containsExactlyElementsOf(AutoTopUps.AMOUNTS);
        k.cmd(new ChooseAmount(Money.rub(amount)));
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_SUMMARY);
        k.cmd(new Next());
        k.awaitScreen(Screen.OTP_ENTRY);
    }

    private PrintedReceipt lastPrinted() throws Exception {
        k.await(s -> !k.printer.printed().isEmpty());
        List<PrintedReceipt> all = k.printer.printed();
        return all.get(all.size() - 1);
    }

    // Auto top-up -----------------------------------------------------------------------------------------------------

    @Test
    void autoTopUpIsConfirmedByTheCodeJournaledWithoutCashAndPrinted() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 50, 300);
        AccountView v = account();
        assertThat(v.codeSentTo()).isEqualTo("+7 916 ***-**-67");
        assertThat(v.codeLength()).isEqualTo(6);
        assertThat(v.codeExpires()).isNotNull();
        assertThat(v.threshold()).isEqualTo(Money.rub(50));
        assertThat(v.amount()).isEqualTo(Money.rub(300));
        k.type(sms(PHONE));
        assertThat(account().codeTyped()).hasSize(6);
        k.cmd(new Next());
        FlowSnapshot done = k.await(s -> s.screen() == Screen.AUTO_TOPUP_DONE && s.receipt() == ReceiptState.PRINTED);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(done.services().account().ruleId()).startsWith("AT");
        assertThat(done.services().account().replaced()).isNull();
        assertThat(k.sim.autoTopUps().rule(PHONE)).get().satisfies(r -> {
            assertThat(r.threshold()).isEqualTo(Money.rub(50));
            assertThat(r.amount()).isEqualTo(Money.rub(300));
        });
        String id = done.services().account().enrolmentId();
        assertThat(audit("autotopup_sent")).singleElement().satisfies(a -> {
            assertThat(a.txnId()).isEqualTo(id);
            assertThat(a.dataJson()).contains("\"thresholdMinor\":5000").contains("\"amountMinor\":30000")
                    .doesNotContain("token");
        });
        assertThat(audit("autotopup_active")).singleElement().extracting(AuditEntry::txnId).isEqualTo(id);
        StoredReceipt stored = k.journal.receipt(id + "-autotopup").orElseThrow();
        assertThat(stored.kind()).isEqualTo("autotopup");
        assertThat(stored.printed()).isTrue();
        PrintedReceipt paper = lastPrinted();
        assertThat(paper.text()).contains("AUTO TOP-UP").contains("АВТОПЛАТЁЖ").contains("+7 916 ***-**-67")
                .contains("50 RUB").contains("300 RUB").contains(id).contains("active");
        assertThat(paper.qrPayloads()).containsExactly(k.desk.lookupLink(id));
        assertThat(paper.png()).exists();
        assertThat(k.acceptor.commands).doesNotContain("enable");
        assertThat(k.journal.stackedTotal()).isEqualTo(Money.ZERO_RUB);
        assertJournalOk();

        // A second enrolment for the number replaces the first, and says which rule it replaced.
        k.cmd(new Finish());
        home(Service.AUTO_TOPUP, Lang.RU);
        k.cmd(new Clear());
        toCode("9161234567", 100, 500);
        k.type(sms(PHONE));
        k.cmd(new Next());
        FlowSnapshot again = k.await(x -> x.screen() == Screen.AUTO_TOPUP_DONE && x.receipt() == ReceiptState.PRINTED);
        assertThat(again.services().account().replaced()).isEqualTo(new AccountView.Rule(Money.rub(50), Money.rub(300)));
        assertThat(k.sim.autoTopUps().rule(PHONE).orElseThrow().amount()).isEqualTo(Money.rub(500));
        assertThat(lastPrinted().text()).contains("Заменяет прежнее правило");
        assertJournalOk();
    }

    @Test
    void wrongCodesCountDownThenLockAndANewCodeWorks() throws Exception {
        home(Service.AUTO_TOPUP, Lang.ZH);
        toCode("9161234567", 100, 200);
        String first = sms(PHONE);
        k.type(wrong(first));
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.wrong_code");
        assertThat(s.message().args()).containsExactly(2);
        assertThat(s.services().account().attemptsLeft()).isEqualTo(2);
        assertThat(s.services().account().codeTyped()).as("cleared for the next try").isEmpty();
        k.type(wrong(first));
        k.cmd(new Next());
        assertThat(k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null).message().args())
                .containsExactly(1);
        k.type(wrong(first));
        k.cmd(new Next());
        s = k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.locked");
        assertThat(s.services().account().codeDead()).isTrue();
        k.type(first);
        assertThat(account().codeTyped()).as("a dead code takes no digits").isEmpty();
        k.cmd(new Next());
        assertThat(k.snap().message().key()).isEqualTo("otp.need_new");

        k.cmd(new ResendCode());
        s = k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.resent");
        assertThat(s.services().account().codeDead()).isFalse();
        String second = sms(PHONE);
        k.type(second);
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.AUTO_TOPUP_DONE).paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(k.sim.otp().inbox(PHONE)).hasSize(2);
        assertJournalOk();
    }

    @Test
    void anExpiredCodeOffersANewOne() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 50, 100);
        String code = sms(PHONE);
        carrierClock.forward(Duration.ofMinutes(5));
        k.type(code);
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.expired");
        assertThat(s.services().account().codeDead()).isTrue();
        assertThat(audit("autotopup_sent")).as("nothing was sent to enrol").isEmpty();
        assertThat(k.sim.autoTopUps().rule(PHONE)).isEmpty();
        assertJournalOk();
    }

    @Test
    void tooManyCodesIsExplainedWhereTheCodeWasAskedAndTheEarlierCodeStillWorks() throws Exception {
        home(Service.AUTO_TOPUP, Lang.RU);
        toCode("9161234567", 50, 300);
        String code = sms(PHONE);
        k.cmd(new ResendCode());
        k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
        String newest = sms(PHONE);
        k.cmd(new ResendCode());
        k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null && "otp.resent".equals(x.message().key()));
        newest = sms(PHONE);
        k.cmd(new ResendCode());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null
                && x.message().key().equals("otp.too_many_codes"));
        assertThat(k.sim.otp().inbox(PHONE)).hasSize(3);
        assertThat(s.services().account().codeDead()).isFalse();
        k.type(newest);
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.AUTO_TOPUP_DONE).paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(code).isNotNull();

        // From the summary the refusal comes back to the summary, with the rule still chosen.
        k.cmd(new Finish());
        home(Service.AUTO_TOPUP, Lang.RU);
        k.type("9161234567");
        k.cmd(new Next(), new ChooseAmount(Money.rub(50)), new ChooseAmount(Money.rub(100)), new Next());
        s = k.await(x -> x.screen() == Screen.AUTO_TOPUP_SUMMARY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.too_many_codes");
        assertThat(s.services().account().amount()).isEqualTo(Money.rub(100));
        assertJournalOk();
    }

    @Test
    void anUnknownNumberGetsNoCodeAndABlockedOneIsRefusedAfterIt() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        k.type("9000000001");
        k.cmd(new Next(), new ChooseAmount(Money.rub(50)), new ChooseAmount(Money.rub(300)), new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.unknown_number");

        k.cmd(new Clear());
        Msisdn blocked = Msisdn.of("+79000000002");
        k.type("9000000002");
        k.cmd(new Next(), new ChooseAmount(Money.rub(50)), new ChooseAmount(Money.rub(300)), new Next());
        k.awaitScreen(Screen.OTP_ENTRY);
        k.type(sms(blocked));
        k.cmd(new Next());
        s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("autotopup.blocked");
        assertThat(audit("autotopup_refused")).singleElement().satisfies(a ->
                assertThat(a.dataJson()).contains("account-blocked"));
        assertThat(k.journal.recentReceipts(10)).as("a refusal prints nothing").isEmpty();
        assertJournalOk();
    }

    @Test
    void anEnrolmentWithoutAnswerIsAskedAgainUnderTheSameIdThenPrintedAsNotConfirmed() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 100, 500);
        k.type(sms(PHONE));
        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.OTP_CHECKING);
        k.heldIo.remove(0).run(); // the verification reaches the carrier and answers; the enrolment is then held
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_SUBMITTING);
        for (int i = 0; i <= AutoTopUps.ENROL_RETRIES; i++) {
            k.exec.advance(Duration.ofSeconds(15));
        }
        k.holdIo = false;
        FlowSnapshot done = k.await(x -> x.screen() == Screen.AUTO_TOPUP_DONE && x.receipt() == ReceiptState.PRINTED);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(done.message().key()).isEqualTo("autotopup.unconfirmed");
        String id = done.services().account().enrolmentId();
        assertThat(audit("autotopup_sent")).filteredOn(a -> a.txnId().equals(id)).hasSize(1 + AutoTopUps.ENROL_RETRIES);
        assertThat(audit("autotopup_outcome_unknown")).singleElement().extracting(AuditEntry::txnId).isEqualTo(id);
        assertThat(lastPrinted().text()).contains("not confirmed yet").contains(id);
        // The held requests reach the carrier late, all under one id: one rule, enrolled once.
        assertThat(k.heldIo).hasSize(1 + AutoTopUps.ENROL_RETRIES);
        assertThat(k.sim.autoTopUps().enrolments()).isZero();
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.sim.autoTopUps().enrolments()).isEqualTo(1);
        assertThat(k.sim.autoTopUps().rule(PHONE).orElseThrow().amount()).isEqualTo(Money.rub(500));
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_DONE);
        assertJournalOk();
    }

    @Test
    void aVerificationWithoutAnswerLetsTheCustomerPressNextAgainWithTheSameCode() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 50, 300);
        k.type(sms(PHONE));
        k.holdIo = true;
        k.cmd(new Next());
        k.exec.advance(Duration.ofSeconds(15));
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.OTP_ENTRY);
        assertThat(s.message().key()).isEqualTo("otp.check_unavailable");
        assertThat(s.services().account().codeTyped()).as("the code stays typed").hasSize(6);
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run); // the lost answer arrives late: dropped, but the carrier issued a token
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.OTP_ENTRY);
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.AUTO_TOPUP_DONE).paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertJournalOk();
    }

    @Test
    void theCarrierDownWhileSendingTheCodeSaysSoAndStartOverEndsEveryStep() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        k.type("9161234567");
        k.cmd(new Next(), new ChooseAmount(Money.rub(50)), new ChooseAmount(Money.rub(300)));
        k.sim.faults().next(1, Fault.httpError(503), "/v1/otp");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.AUTO_TOPUP_SUMMARY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.unavailable");
        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.OTP_SENDING);
        k.exec.advance(Duration.ofSeconds(15));
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_SUMMARY);
        assertThat(k.snap().message().key()).isEqualTo("otp.unavailable");
        k.cmd(new Next());
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).as("a late answer is dropped").isEqualTo(Screen.IDLE);
    }

    @Test
    void backWalksTheStepsAndInactivityEndsAtIdle() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 200, 1000);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_SUMMARY);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_AMOUNT);
        assertThat(account().amount()).isEqualTo(Money.rub(1000));
        k.cmd(new ChooseAmount(Money.rub(777)));
        assertThat(k.snap().screen()).as("only the offered tiles").isEqualTo(Screen.AUTO_TOPUP_AMOUNT);
        k.cmd(new Back(), new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        k.cmd(new ChooseService(Service.AUTO_TOPUP), new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.AUTO_TOPUP_THRESHOLD);
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void aLockWhileTheCodeIsCheckedEndsTheSessionWithNothingSent() throws Exception {
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 50, 300);
        k.type(sms(PHONE));
        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.OTP_CHECKING);
        k.cmd(new Lock("door_open"));
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.SERVICE_LOCK);
        assertThat(audit("autotopup_sent")).isEmpty();
        assertJournalOk();
    }

    @Test
    void theCodeAndItsTokenNeverReachALogEvenAtDebug() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        String code;
        try {
            home(Service.AUTO_TOPUP, Lang.EN);
            toCode("9161234567", 50, 300);
            code = sms(PHONE);
            k.type(wrong(code));
            k.cmd(new Next());
            k.type(code);
            k.cmd(new Next());
            k.await(x -> x.screen() == Screen.AUTO_TOPUP_DONE && x.receipt() == ReceiptState.PRINTED);
        } finally {
            root.setLevel(level);
            root.detachAppender(logs);
        }
        assertThat(logs.list).as("the flow logged its steps").isNotEmpty();
        for (ch.qos.logback.classic.spi.ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage();
            // As a word: the challenge id OTP00000001 holds zeros, which a wrong code of 000000 would match inside.
            assertThat(line).doesNotContainPattern("\\b" + code + "\\b")
                    .doesNotContainPattern("\\b" + wrong(code) + "\\b").doesNotContainPattern("[0-9a-f]{32}");
        }
    }

    // Recent payments -------------------------------------------------------------------------------------------------

    /** A top-up paid in cash and confirmed, through the real screens. */
    private String topUp(long rub, String note) throws Exception {
        k.toCashInsertion("9161234567", Long.toString(rub));
        String txn = k.snap().txnId();
        k.insert(rub, note);
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        k.cmd(new Finish());
        return txn;
    }

    /** A top-up cancelled after cash: a credit voucher. */
    private CustomerCredit cancelledWithCash(long rub, String note) throws Exception {
        k.toCashInsertion("9161234567", "500");
        String txn = k.snap().txnId();
        k.insert(rub, note);
        k.cmd(new Cancel());
        k.await(x -> x.screen() == Screen.CREDIT_VOUCHER);
        k.cmd(new Finish());
        return k.journal.openCredits().stream().filter(c -> txn.equals(c.sourceTxn())).findFirst().orElseThrow();
    }

    private void toHistory(Lang lang) throws Exception {
        home(Service.HISTORY, lang);
        k.cmd(new Clear());
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.OTP_ENTRY);
        k.type(sms(PHONE));
        k.cmd(new Next());
        k.awaitScreen(Screen.HISTORY_LIST);
    }

    @Test
    void recentPaymentsNeedTheCodeListNewestFirstAPageAtATimeAndSpendTheToken() throws Exception {
        String[] txns = new String[5];
        for (int i = 0; i < txns.length; i++) {
            txns[i] = topUp(100 + i * 100L, "h" + i);
        }
        toHistory(Lang.EN);
        AccountView v = account();
        assertThat(v.total()).isEqualTo(5);
        assertThat(v.pages()).isEqualTo(2);
        assertThat(v.rows()).extracting(AccountView.Row::id).containsExactly(txns[4], txns[3], txns[2], txns[1]);
        assertThat(v.rows().get(0).kind()).isEqualTo(AccountView.Kind.TOPUP);
        assertThat(v.rows().get(0).status()).isEqualTo(AccountView.Status.CREDITED);
        assertThat(v.rows().get(0).operatorName()).isEqualTo("MTS");
        assertThat(v.rows().get(0).amount()).isEqualTo(Money.rub(500));
        k.cmd(new Page(1));
        assertThat(account().rows()).extracting(AccountView.Row::id).containsExactly(txns[0]);
        k.cmd(new Page(1));
        assertThat(account().page()).as("no page past the last").isEqualTo(1);
        k.cmd(new Page(-1));
        assertThat(account().page()).isZero();
        assertThat(k.sim.autoTopUps().tokensSpent()).as("the carrier spent the history token").isEqualTo(1);
        assertThat(audit("history_shown")).singleElement().satisfies(a ->
                assertThat(a.dataJson()).contains("+7 916 ***-**-67").contains("\"entries\":5"));

        // Reprint: the stored payment receipt again, marked as a copy, once.
        int printedBefore = k.printer.printed().size();
        k.cmd(new Reprint(txns[4]));
        assertThat(k.snap().message().key()).isEqualTo("history.printing");
        k.await(x -> x.message() != null && x.message().key().equals("history.printed"));
        PrintedReceipt copy = lastPrinted();
        assertThat(k.printer.printed()).hasSize(printedBefore + 1);
        assertThat(copy.text()).contains("*** COPY / КОПИЯ ***").contains(txns[4]).contains("MOBILE TOP-UP");
        assertThat(copy.qrPayloads()).containsExactly(k.desk.lookupLink(txns[4]));
        assertThat(account().rows().get(0).copied()).isTrue();
        k.cmd(new Reprint(txns[4]));
        assertThat(k.snap().message().key()).isEqualTo("history.already_printed");
        assertThat(audit("receipt_copy_printed")).singleElement().extracting(AuditEntry::txnId).isEqualTo(txns[4]);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        assertJournalOk();
    }

    @Test
    void aCreditVoucherIsNeverReprintedAsSomethingThatPays() throws Exception {
        CustomerCredit credit = cancelledWithCash(200, "c1");
        String digits = credit.code().replaceAll("\\D", "");
        toHistory(Lang.RU);
        AccountView.Row row = account().rows().get(0);
        assertThat(row.status()).isEqualTo(AccountView.Status.CANCELLED);
        assertThat(row.creditVoucher()).isTrue();
        assertThat(row.amount()).isEqualTo(Money.rub(200));
        int before = k.printer.printed().size();
        k.cmd(new Reprint(row.id()));
        k.await(x -> x.message() != null && x.message().key().equals("history.printed"));
        List<PrintedReceipt> papers = k.printer.printed().subList(before, k.printer.printed().size());
        assertThat(papers).as("the payment's summary and the voucher's copy").hasSize(2);
        for (PrintedReceipt p : papers) {
            assertThat(p.text().replaceAll("\\D", "")).as("never the voucher's code").doesNotContain(digits);
            assertThat(p.barcodes()).isEmpty();
            assertThat(p.qrPayloads()).doesNotContain(credit.code(), digits);
            assertThat(p.text()).contains("КОПИЯ");
        }
        PrintedReceipt voucherCopy = papers.get(1);
        assertThat(voucherCopy.text()).contains("КОПИЯ КРЕДИТНОГО ЧЕКА").contains(digits.substring(digits.length() - 4))
                .contains("ещё действует").contains("нельзя оплатить");
        // The voucher itself still pays once, as before.
        assertThat(k.journal.credit(credit.code())).isPresent();
        assertThat(k.journal.openCredits()).extracting(CustomerCredit::code).contains(credit.code());
        assertJournalOk();
    }

    @Test
    void scratchCardsAndAutoTopUpsOfTheNumberAreListedToo() throws Exception {
        // An auto top-up, then a scratch card, for the same number.
        home(Service.AUTO_TOPUP, Lang.EN);
        toCode("9161234567", 50, 300);
        k.type(sms(PHONE));
        k.cmd(new Next());
        k.awaitScreen(Screen.AUTO_TOPUP_DONE);
        k.cmd(new Finish());
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.VOUCHER));
        k.type(ServicesFlowTest.MTS_500);
        k.cmd(new Next());
        k.awaitScreen(Screen.VOUCHER_CONFIRM);
        k.cmd(new Next(), new Clear());
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.DONE);
        k.cmd(new Finish());

        toHistory(Lang.RU);
        List<AccountView.Row> rows = account().rows();
        assertThat(rows).extracting(AccountView.Row::kind)
                .containsExactly(AccountView.Kind.SCRATCH_CARD, AccountView.Kind.AUTO_TOPUP);
        assertThat(rows.get(0).amount()).isEqualTo(Money.rub(500));
        assertThat(rows.get(0).status()).isEqualTo(AccountView.Status.CREDITED);
        assertThat(rows.get(1).status()).isEqualTo(AccountView.Status.ACTIVE);
        assertThat(rows.get(1).threshold()).isEqualTo(Money.rub(50));
        int before = k.printer.printed().size();
        k.cmd(new Reprint(rows.get(0).id()));
        k.await(x -> x.message() != null && x.message().key().equals("history.printed"));
        PrintedReceipt copy = k.printer.printed().get(before);
        assertThat(copy.text()).contains("*** КОПИЯ ***").contains("MTS********001").doesNotContain(ServicesFlowTest.MTS_500);
        assertJournalOk();
    }

    @Test
    void aHistoryCodeIsSpentOnceAndATimeoutWhileSpendingItCanBeRetried() throws Exception {
        topUp(300, "t1");
        home(Service.HISTORY, Lang.EN);
        k.cmd(new Clear());
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.OTP_ENTRY);
        k.type(sms(PHONE));
        k.sim.faults().next(1 + PaymentHistory.SPEND_RETRIES, Fault.httpError(503), "/v1/otp/tokens");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("otp.check_unavailable");
        assertThat(audit("history_shown")).isEmpty();
        k.cmd(new Next());
        k.awaitScreen(Screen.HISTORY_LIST);
        assertThat(account().total()).isEqualTo(1);
        assertThat(k.sim.autoTopUps().tokensSpent()).isEqualTo(1);
        assertJournalOk();
    }

    @Test
    void anAutoTopUpCodeDoesNotOpenTheHistory() throws Exception {
        // The carrier binds a token to its purpose: spending an auto top-up token for the history is refused.
        OtpChallenge c = k.carrier.requestOtp(PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP);
        String token = k.carrier.verifyOtp(c.otpId(), sms(PHONE)).token();
        assertThat(k.carrier.spendOtpToken("0042-Htest-1", token, PHONE, OtpChallenge.PURPOSE_HISTORY).accepted())
                .isFalse();
        assertThat(k.sim.autoTopUps().tokensSpent()).isZero();
    }
}
