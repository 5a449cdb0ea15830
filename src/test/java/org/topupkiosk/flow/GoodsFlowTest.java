package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.GoodsView;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.receipt.GoodsReceipts;
import org.topupkiosk.sync.PaymentPayloads;
import org.topupkiosk.testing.Zbarimg;

/**
 * e-PIN and eSIM sales end to end: the real flow, journal (SQLite file), outbox, REST adapter and carrier simulator
 * over loopback, the real ESC/POS driver and the printer emulator, with a manual flow thread (as
 * {@link ServicesFlowTest}). Every test ends with the journal's own verify.
 */
class GoodsFlowTest {

    /** A phone the simulator knows cannot take an eSIM (docs/carrier-api.md). */
    static final String UNSUPPORTED_IMEI = "356938035643809";
    /** The GSMA's sample EID: valid check digits, supported by the simulator. */
    static final String SAMPLE_EID = "89049032123451234512345678901235";

    @TempDir
    Path dir;
    FlowFixture k;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
        // Everything the kiosk logs, down to DEBUG, goes to this list (and not to the console) while the test runs.
        logs = new ListAppender<>();
        logs.start();
        Logger kiosk = (Logger) LoggerFactory.getLogger("org.topupkiosk");
        kiosk.setLevel(ch.qos.logback.classic.Level.DEBUG);
        kiosk.setAdditive(false);
        kiosk.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        k.close();
        Logger kiosk = (Logger) LoggerFactory.getLogger("org.topupkiosk");
        kiosk.detachAppender(logs);
        kiosk.setLevel(null);
        kiosk.setAdditive(true);
    }

    private void assertJournalOk() {
        // A voucher stored a moment ago may still be on its way through the printer thread: verify the journal once
        // the printer is done with it (verify counts a voucher stored but never printed as undelivered).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!k.journal.unprintedReceipts().isEmpty() && System.nanoTime() < deadline) {
            k.exec.runPending();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    /** No log line, argument or stack trace holds the secret in full. */
    private void assertNeverLogged(String secret) {
        List<ILoggingEvent> seen;
        synchronized (logs) { // the appender adds under its own lock, from the printer and sync threads too
            seen = List.copyOf(logs.list);
        }
        assertThat(seen).as("the kiosk's logs are captured").anyMatch(e -> e.getFormattedMessage().contains("txn="));
        for (ILoggingEvent e : seen) {
            assertThat(e.getFormattedMessage()).as("log line").doesNotContain(secret);
            if (e.getThrowableProxy() != null) {
                assertThat(e.getThrowableProxy().getMessage() == null ? "" : e.getThrowableProxy().getMessage())
                        .doesNotContain(secret);
            }
        }
    }

    private void home(Service service) {
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        k.cmd(new ChooseService(service));
        assertThat(k.snap().screen()).isEqualTo(Screen.GOODS_OPERATOR);
    }

    private FlowSnapshot toList(Service service, String operator) throws Exception {
        home(service);
        assertThat(k.snap().services().operators()).extracting(ServicesView.OperatorTile::id)
                .containsExactly("mts", "beeline", "megafon", "t2");
        k.cmd(new ChooseOperator(operator));
        return k.awaitScreen(Screen.GOODS_LIST);
    }

    private PrintedReceipt awaitReceipt(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            k.exec.runPending();
            for (PrintedReceipt r : k.printer.printed()) {
                if (r.text().contains(containing) || r.qrPayloads().contains(containing)) {
                    return r;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no receipt with " + containing + "; printed " + k.printer.printed().size());
    }

    // e-PIN -----------------------------------------------------------------------------------------------------------

    @Test
    void ePinIsPaidInCashShownOncePrintedLargeAndOverpaymentComesBackOnAVoucher() throws Exception {
        FlowSnapshot list = toList(Service.EPIN, "beeline");
        assertThat(list.services().goods().offers()).extracting(GoodsView.Offer::id)
                .containsExactly("beeline-epin-100", "beeline-epin-300", "beeline-epin-500", "beeline-epin-1000");
        k.cmd(new ChooseProduct("beeline-epin-300"));
        FlowSnapshot details = k.snap();
        assertThat(details.screen()).as("an e-PIN asks for no phone").isEqualTo(Screen.GOODS_DETAILS);
        GoodsView.Offer offer = details.services().goods().selected();
        Money needed = k.config.catalog().operator("beeline").orElseThrow().fee().cashNeededFor(Money.rub(300));
        assertThat(offer.price()).isEqualTo(Money.rub(300));
        assertThat(offer.cashNeeded()).isEqualTo(needed).isGreaterThan(Money.rub(300));

        k.cmd(new Next());
        FlowSnapshot cash = k.snap();
        assertThat(cash.screen()).isEqualTo(Screen.CASH_INSERTION);
        Order open = k.journal.order(cash.txnId()).orElseThrow();
        assertThat(open.kind()).isEqualTo("epin");
        assertThat(open.msisdn()).as("an e-PIN has no customer number").isNull();
        k.insert(200, "e1");
        k.insert(100, "e2");
        k.cmd(new Pay());
        assertThat(k.snap().message().key()).as("300 does not cover %s", needed).isEqualTo("pay.below_min");
        k.insert(50, "e3");
        k.insert(50, "e4");
        assertThat(k.acceptor.lastCommand()).as("the price is covered: the next note is only change").isEqualTo("return");
        assertThat(k.snap().message().key()).isEqualTo("goods.note_returned_covered");
        assertThat(k.snap().cashInserted()).isEqualTo(Money.rub(350));
        k.cmd(new Pay());
        assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        k.cmd(new Confirm());
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        Money change = Money.rub(350).minus(needed);
        CustomerCredit voucher = k.journal.openCredits().stream().filter(c -> c.reason().contains(cash.txnId()))
                .findFirst().orElseThrow();
        assertThat(voucher.amount()).as("money above the price is on a voucher from the submit on").isEqualTo(change);
        assertJournalOk();

        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.GOODS_DONE);
        Goods goods = k.journal.goods(cash.txnId()).orElseThrow();
        IssuedGoods.EPin issued = (IssuedGoods.EPin) k.sim.ledger().get(cash.txnId()).goods();
        assertThat(goods.secret()).isEqualTo(issued.pin()).matches("[0-9]{16}");
        assertThat(done.services().goods().pin().replace(" ", "")).as("the PIN on screen").isEqualTo(issued.pin());
        assertThat(done.services().goods().serial()).isEqualTo(issued.serial());
        assertThat(done.services().goods().change()).isEqualTo(change);
        assertThat(k.sim.ledger().get(cash.txnId()).amount()).as("the carrier gets the nominal").isEqualTo(Money.rub(300));
        Order order = k.journal.order(cash.txnId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.amount().plus(order.fee()).plus(order.change())).isEqualTo(order.paid());

        PrintedReceipt receipt = awaitReceipt(GoodsReceipts.groupPin(issued.pin()));
        assertThat(receipt.text()).contains(issued.serial());
        PrintedReceipt voucherPaper = awaitReceipt(voucher.code());
        assertThat(voucherPaper.barcodes()).contains(voucher.code());
        assertThat(k.journal.receipt(cash.txnId() + "-epin")).as("stored for reprint").isPresent();
        assertNeverLogged(issued.pin());
        assertThat(done.toString()).doesNotContain(issued.pin());
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertJournalOk();
    }

    @Test
    void aSoldEPinTopsUpANumberAtTheScratchCardService() throws Exception {
        toList(Service.EPIN, "mts");
        k.cmd(new ChooseProduct("mts-epin-100"), new Next());
        k.insert(100, "m1");
        k.cmd(new Pay(), new Confirm());
        String txn = k.snap().txnId();
        k.drain();
        k.awaitScreen(Screen.GOODS_DONE);
        String pin = k.journal.goods(txn).orElseThrow().secret();
        k.cmd(new Finish());
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.VOUCHER));
        k.type(pin);
        k.cmd(new Next());
        FlowSnapshot card = k.awaitScreen(Screen.VOUCHER_CONFIRM);
        assertThat(card.services().voucherNominal()).isEqualTo(Money.rub(100));
        assertJournalOk();
    }

    // eSIM ------------------------------------------------------------------------------------------------------------

    @Test
    void eSimWithAnEidShowsTheQrAndPrintsItAndExtraCashGoesToTheNewNumber() throws Exception {
        FlowSnapshot list = toList(Service.ESIM, "mts");
        assertThat(list.services().goods().offers()).allMatch(o -> o.kind().equals("esim"));
        k.cmd(new ChooseProduct("mts-esim-tourist-7d"));
        assertThat(k.snap().screen()).isEqualTo(Screen.ESIM_DEVICE);
        k.type(SAMPLE_EID);
        assertThat(k.snap().services().goods().deviceCount()).isEqualTo(32);
        k.cmd(new Next());
        FlowSnapshot details = k.snap();
        assertThat(details.screen()).isEqualTo(Screen.GOODS_DETAILS);
        assertThat(details.services().goods().deviceKind()).isEqualTo("EID");
        k.cmd(new Next());
        String txn = k.snap().txnId();
        k.insert(500, "s1");
        k.insert(100, "s2");
        k.cmd(new Pay(), new Confirm());
        String payload = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(payload).device().digits()).isEqualTo(SAMPLE_EID);
        assertThat(PaymentPayloads.fromJson(payload).msisdn()).isNull();
        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.GOODS_DONE);

        IssuedGoods.Esim issued = (IssuedGoods.Esim) k.sim.ledger().get(txn).goods();
        Goods stored = k.journal.goods(txn).orElseThrow();
        assertThat(stored.secret()).as("journaled for reprints").isEqualTo(issued.activationCode());
        assertThat(stored.msisdn()).isEqualTo(issued.msisdn());
        assertThat(ScannedCode.classify(issued.activationCode(), Symbology.QR_CODE))
                .isInstanceOf(CodeMeaning.EsimOrder.class);
        GoodsView g = done.services().goods();
        assertThat(g.activationCode()).isEqualTo(issued.activationCode());
        assertThat(g.smdpAddress() + "$" + g.matchingId()).isEqualTo(issued.activationCode().substring("LPA:1$".length()));
        assertThat(g.newNumber()).isEqualTo(issued.msisdn().pretty());
        Money base = Money.rubMinor(Long.parseLong(issued.msisdn().national()) % 50_000);
        assertThat(k.carrier.balance(issued.msisdn()).amount()).as("100 above the 500 plan, on the new number")
                .isEqualTo(base.plus(Money.rub(100)));
        assertThat(k.sim.ledger().get(txn).amount()).as("the whole sum goes to the carrier").isEqualTo(Money.rub(600));

        PrintedReceipt receipt = awaitReceipt(issued.activationCode());
        assertThat(receipt.qrPayloads()).containsExactly(issued.activationCode());
        assertThat(receipt.text()).contains(issued.matchingId()).contains(issued.msisdn().pretty());
        Zbarimg.require();
        assertThat(Zbarimg.readQr(receipt.png())).as("an independent decoder reads the printed QR")
                .isEqualTo(issued.activationCode());
        assertNeverLogged(issued.matchingId());
        assertJournalOk();
    }

    @Test
    void theNewNumberGetsWhatWasPaidAboveThePlan() throws Exception {
        toList(Service.ESIM, "t2");
        k.cmd(new ChooseProduct("t2-esim-data-3d"), new Next(), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "n1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.GOODS_DONE);
        IssuedGoods.Esim issued = (IssuedGoods.Esim) k.sim.ledger().get(txn).goods();
        Money price = Money.rub(330);
        Money fee = k.config.catalog().operator("t2").orElseThrow().fee().feeFor(Money.rub(500));
        Money base = Money.rubMinor(Long.parseLong(issued.msisdn().national()) % 50_000);
        assertThat(k.carrier.balance(issued.msisdn()).amount()).isEqualTo(base.plus(Money.rub(500).minus(fee).minus(price)));
        assertJournalOk();
    }

    @Test
    void aBadImeiGetsAClearMessageAndTheDeviceStepCanBeSkipped() throws Exception {
        toList(Service.ESIM, "megafon");
        k.cmd(new ChooseProduct("megafon-esim-tourist-7d"));
        k.type("356938035643808");
        k.cmd(new Next());
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.ESIM_DEVICE);
        assertThat(s.message().key()).isEqualTo("goods.device.imei_check_digit");
        for (Lang lang : Lang.values()) {
            assertThat(new Messages().get(lang, s.message().key())).contains("IMEI").contains("*#06#");
        }
        k.cmd(new Backspace());
        assertThat(k.snap().message()).isNull();
        k.cmd(new Next());
        assertThat(k.snap().message().key()).as("14 digits").isEqualTo("goods.device.length");
        k.cmd(new Clear(), new Next());
        FlowSnapshot details = k.snap();
        assertThat(details.screen()).as("nothing typed: skipped").isEqualTo(Screen.GOODS_DETAILS);
        assertThat(details.services().goods().deviceKind()).isNull();
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.ESIM_DEVICE);
        k.cmd(new Back(), new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.GOODS_OPERATOR);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
    }

    @Test
    void aPhoneThatCannotTakeAnESimIsRefusedWithAClearMessageAndAVoucher() throws Exception {
        toList(Service.ESIM, "mts");
        k.cmd(new ChooseProduct("mts-esim-tourist-7d"));
        k.type(UNSUPPORTED_IMEI);
        k.cmd(new Next(), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "r1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.message().key()).isEqualTo("goods.refused.device_not_supported");
        assertThat(s.creditAmount()).isEqualTo(Money.rub(500));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(k.journal.order(txn).orElseThrow().refusalCode()).isEqualTo("device-not-supported");
        assertThat(k.journal.goods(txn)).isEmpty();
        awaitReceipt(s.creditCode());
        for (Lang lang : Lang.values()) {
            assertThat(new Messages().has(lang, s.message().key())).isTrue();
        }
        assertJournalOk();
    }

    @Test
    void anEPinOutOfStockIsRefusedAndBothVouchersAddUpToWhatWasPaid() throws Exception {
        toList(Service.EPIN, "t2");
        k.cmd(new ChooseProduct("t2-epin-1000"), new Next());
        String txn = k.snap().txnId();
        k.insert(1000, "o1");
        k.insert(100, "o2");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.message().key()).isEqualTo("goods.refused.out_of_stock");
        Order order = k.journal.order(txn).orElseThrow();
        Money vouchers = k.journal.openCredits().stream()
                .filter(c -> txn.equals(c.sourceTxn()) || c.reason().contains(txn))
                .map(CustomerCredit::amount).reduce(Money.ZERO_RUB, Money::plus);
        assertThat(vouchers).isEqualTo(order.paid()).isEqualTo(Money.rub(1100));
        assertJournalOk();
    }

    // The carrier not answering ---------------------------------------------------------------------------------------

    @Test
    void noGoodsSaleWhileTheCarrierIsNotAnswering() throws Exception {
        home(Service.ESIM);
        k.sim.faults().next(1, Fault.httpError(503), "/v1/goods");
        k.cmd(new ChooseOperator("mts"));
        FlowSnapshot s = k.await(x -> x.screen() == Screen.GOODS_OPERATOR && x.message() != null);
        assertThat(s.message().key()).isEqualTo("goods.unavailable");
        k.holdIo = true;
        k.cmd(new ChooseOperator("mts"));
        assertThat(k.snap().screen()).isEqualTo(Screen.GOODS_LOADING);
        k.exec.advance(Duration.ofSeconds(15));
        assertThat(k.snap().screen()).as("a silent carrier ends in the same message").isEqualTo(Screen.GOODS_OPERATOR);
        assertThat(k.snap().message().key()).isEqualTo("goods.unavailable");
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).as("the late catalog is dropped").isEqualTo(Screen.GOODS_OPERATOR);
        assertThat(k.journal.ordersByStatus()).isEmpty();
    }

    /** The carrier times out: a pending receipt with a claim code; its confirmation later reaches the done screen. */
    @Test
    void aTimeoutPrintsAClaimCodeAndTheLateAnswerUpdatesTheDoneScreen() throws Exception {
        toList(Service.ESIM, "beeline");
        k.cmd(new ChooseProduct("beeline-esim-data-3d"), new Next(), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "t1");
        k.cmd(new Pay(), new Confirm());
        k.sim.faults().next(1, new Fault.Timeout(4_000), "/v1/payments");
        k.drain();
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        k.exec.advance(k.settings.submitWait());
        FlowSnapshot pending = k.awaitScreen(Screen.GOODS_DONE);
        assertThat(pending.services().goods().issued()).isFalse();
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        assertThat(pending.services().goods().claimPayload()).isEqualTo(claim);
        PrintedReceipt paper = awaitReceipt(claim);
        assertThat(paper.qrPayloads()).containsExactly(claim);
        assertThat(paper.barcodes()).containsExactly(claim);
        assertThat(ScannedCode.classify(claim, Symbology.CODE_128)).isEqualTo(new CodeMeaning.GoodsClaim(claim));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertJournalOk();

        Thread.sleep(5);
        k.drain(); // the outbox asks again under the same txn id
        FlowSnapshot done = k.await(x -> x.screen() == Screen.GOODS_DONE && x.services().goods().issued());
        IssuedGoods.Esim issued = (IssuedGoods.Esim) k.sim.ledger().get(txn).goods();
        assertThat(done.services().goods().activationCode()).isEqualTo(issued.activationCode());
        assertThat(k.sim.ledger().get(txn).appliedCount()).isEqualTo(1);
        awaitReceipt(issued.activationCode());
        assertJournalOk();
    }

    /** The customer left before the carrier answered: the claim code says "wait", then shows and prints the goods. */
    @Test
    void aClaimScannedLaterShowsWaitingThenTheGoodsAndIsAudited() throws Exception {
        toList(Service.EPIN, "megafon");
        k.cmd(new ChooseProduct("megafon-epin-500"), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "c1");
        k.insert(50, "c2");
        k.cmd(new Pay(), new Confirm());
        k.sim.faults().next(1, new Fault.Timeout(4_000), "/v1/payments");
        k.drain();
        k.exec.advance(k.settings.submitWait());
        k.awaitScreen(Screen.GOODS_DONE);
        k.cmd(new Finish());
        String claim = k.journal.claimOf(txn).orElseThrow().code();

        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        FlowSnapshot waiting = k.snap();
        assertThat(waiting.screen()).as("a scan wakes the kiosk").isEqualTo(Screen.HOME);
        assertThat(waiting.message().key()).isEqualTo("goods.claim.waiting.epin");

        Thread.sleep(5);
        k.drain();
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        String pin = k.journal.goods(txn).orElseThrow().secret();
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        FlowSnapshot shown = k.awaitScreen(Screen.GOODS_DONE);
        assertThat(shown.services().goods().pin().replace(" ", "")).isEqualTo(pin);
        awaitReceipt(GoodsReceipts.groupPin(pin));
        assertThat(k.journal.recentAudit(List.of("goods_claimed"), 5)).hasSize(2)
                .extracting(AuditEntry::dataJson).allMatch(d -> !d.contains(claim) && !d.contains(pin));
        k.cmd(new Finish());

        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim("12345678901237")));
        assertThat(k.snap().message().key()).as("a code this kiosk never printed").isEqualTo("goods.claim.unknown");
        assertNeverLogged(pin);
        assertNeverLogged(claim);
        assertJournalOk();
    }

    @Test
    void aClaimOfAnOrderTheCarrierFinallyRefusedGivesItsVoucher() throws Exception {
        toList(Service.ESIM, "mts");
        k.cmd(new ChooseProduct("mts-esim-tourist-7d"), new Next(), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "f1");
        k.cmd(new Pay(), new Confirm());
        k.sim.faults().next(1, new Fault.Timeout(4_000), "/v1/payments");
        k.drain();
        k.exec.advance(k.settings.submitWait());
        k.awaitScreen(Screen.GOODS_DONE);
        k.cmd(new Finish());
        k.sim.faults().next(1, Fault.refuse("out-of-stock"), "/v1/payments");
        Thread.sleep(5);
        k.drain();
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
        String claim = k.journal.claimOf(txn).orElseThrow().code();
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(500));
        assertThat(s.message().key()).isEqualTo("goods.claim.refused");
        awaitReceipt(s.creditCode());
        k.cmd(new Finish());
        // Issue 12: the refusal's bearer voucher prints once; a second scan says so and prints nothing.
        int papers = k.printer.printed().size();
        k.cmd(new CodeScanned(new CodeMeaning.GoodsClaim(claim)));
        assertThat(k.snap().message().key()).isEqualTo("claim.refund_given");
        assertThat(k.printer.printed()).hasSize(papers);
        assertJournalOk();
    }

    // Restart -----------------------------------------------------------------------------------------------------

    @Test
    void aGoodsOrderOpenedWithoutTermsBecomesACreditVoucherAtARestart() throws Exception {
        // An order from a journal written before orders kept their terms: its price is not known, so no resume.
        String txn = k.journal.openGoodsOrder("epin", "mts", "mts-epin-300").txnId();
        k.journal.recordStacked(txn, Money.rub(200), "x1");
        k.flow = k.newFlow();
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(200));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertJournalOk();
    }

    @Test
    void cancellingBeforeAnyCashLeavesNoOrderAndCashGoesBackToTheDetails() throws Exception {
        toList(Service.EPIN, "mts");
        k.cmd(new ChooseProduct("mts-epin-100"), new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CASH_INSERTION);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.GOODS_DETAILS);
        assertThat(k.journal.ordersByStatus(OrderStatus.OPEN)).isEmpty();
        k.cmd(new Next());
        k.insert(100, "b1");
        k.cmd(new Cancel());
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(s.creditAmount()).isEqualTo(Money.rub(100));
        assertJournalOk();
    }
}
