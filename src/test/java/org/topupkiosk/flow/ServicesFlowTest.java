package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.packages.BalanceAndPackages;
import org.topupkiosk.flow.scratch.ScratchCards;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;
import org.topupkiosk.sync.PaymentPayloads;

/**
 * The services around the top-up, end to end: the real flow, journal, REST adapter and carrier simulator over loopback,
 * with a manual flow thread (the same harness as {@link TopUpFlowTest}).
 */
class ServicesFlowTest {

    /** Scratch cards the simulator knows (docs/carrier-api.md). */
    static final String MTS_500 = "12345678901234";
    static final String BEELINE_300 = "23456789012345";
    static final String USED = "11112222333344";
    static final String EXPIRED = "55556666777788";

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

    private void home(Service service) {
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        k.cmd(new ChooseService(service));
    }

    private void assertJournalOk() {
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    private List<AuditEntry> audit(String kind) {
        return k.journal.recentAudit(List.of(kind), 20);
    }

    // Operator tiles ----------------------------------------------------------------------------------------------------

    @Test
    void operatorTileIsOnlyAHintTheCarrierCheckDecides() throws Exception {
        home(Service.TOPUP);
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        k.cmd(new ChooseOperator("beeline"));
        assertThat(k.snap().services().hintOperatorId()).isEqualTo("beeline");
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot s = k.awaitScreen(Screen.OPERATOR_CONFIRM);
        assertThat(s.operatorId()).as("the carrier says MTS").isEqualTo("mts");
        assertThat(s.message().key()).isEqualTo("operator.ported");
        assertThat(s.message().args()).containsExactly("MTS");
        k.cmd(new Back(), new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        k.cmd(new ChooseOperator("no-such-operator"));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
    }

    // Balance -----------------------------------------------------------------------------------------------------------

    @Test
    void balanceShowsAmountAndExpiryThenTopsUpTheSameNumber() throws Exception {
        home(Service.BALANCE);
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot s = k.awaitScreen(Screen.BALANCE_RESULT);
        var expected = k.carrier.balance(Msisdn.of("+79161234567"));
        assertThat(s.services().balance()).isEqualTo(expected.amount());
        assertThat(s.services().balanceExpires()).isEqualTo(expected.expiresOn()).isNotNull();
        assertThat(s.operatorId()).isEqualTo("mts");
        assertThat(k.acceptor.commands).doesNotContain("enable");
        k.cmd(new ChooseService(Service.TOPUP));
        FlowSnapshot op = k.awaitScreen(Screen.OPERATOR_CONFIRM);
        assertThat(op.msisdn().e164()).isEqualTo("+79161234567");
        assertThat(op.service()).isEqualTo(Service.TOPUP);
    }

    @Test
    void balanceWithoutExpiryAndOfAnUnknownNumber() throws Exception {
        home(Service.BALANCE);
        k.type("9161234560");
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.BALANCE_RESULT).services().balanceExpires()).isNull();
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        home(Service.BALANCE);
        k.type("9000000001");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("check.refused.unknown_number");
    }

    @Test
    void balanceWhenTheCarrierIsDownOrSilentSaysSoInsteadOfHanging() throws Exception {
        home(Service.BALANCE);
        k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("balance.unavailable");

        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.CHECKING_NUMBER);
        k.exec.advance(Duration.ofSeconds(15));
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(k.snap().message().key()).isEqualTo("balance.unavailable");
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).as("a late answer is dropped").isEqualTo(Screen.NUMBER_ENTRY);
    }

    // Packages ----------------------------------------------------------------------------------------------------------

    private void toPackageList(String national) throws Exception {
        home(Service.PACKAGE);
        k.type(national);
        k.cmd(new Next());
        k.awaitScreen(Screen.PACKAGE_LIST);
    }

    @Test
    void packageFromTheCarrierCatalogIsPaidLikeATopUpAndExtraCashGoesToTheBalance() throws Exception {
        Msisdn number = Msisdn.of("+79161234567");
        Money before = k.carrier.balance(number).amount();
        toPackageList("9161234567");
        FlowSnapshot list = k.snap();
        assertThat(list.services().pages()).isEqualTo(2);
        assertThat(list.services().packages()).hasSize(BalanceAndPackages.PER_PAGE)
                .allMatch(p -> p.id().startsWith("mts-"));
        assertThat(list.services().packages()).extracting(ServicesView.PackageView::kind).contains("data", "voice");
        assertThat(list.services().packages()).extracting(ServicesView.PackageView::period)
                .contains("day", "month", "unlimited");
        k.cmd(new Page(1));
        assertThat(k.snap().services().page()).isEqualTo(1);
        assertThat(k.snap().services().packages()).hasSize(2)
                .extracting(ServicesView.PackageView::kind).containsOnly("combo");
        k.cmd(new Page(1));
        assertThat(k.snap().services().page()).as("no page past the last").isEqualTo(1);
        k.cmd(new Page(-1));
        k.cmd(new ChooseProduct("mts-combo-15g-500-month"));
        FlowSnapshot details = k.snap();
        assertThat(details.screen()).isEqualTo(Screen.PACKAGE_DETAILS);
        assertThat(details.services().selected().price()).isEqualTo(Money.rub(650));
        assertThat(details.services().selected().cashNeeded()).isEqualTo(Money.rub(650));
        assertThat(details.services().selected().voiceMinutes()).isEqualTo(500);

        k.cmd(new Next());
        FlowSnapshot cash = k.snap();
        assertThat(cash.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(cash.minAmount()).isEqualTo(Money.rub(650));
        Order open = k.journal.order(cash.txnId()).orElseThrow();
        assertThat(open.productId()).isEqualTo("mts-combo-15g-500-month");
        assertThat(open.kind()).isEqualTo("package");
        k.insert(500, "p1");
        k.cmd(new Pay());
        assertThat(k.snap().message().key()).as("500 does not buy a 650 package").isEqualTo("pay.below_min");
        k.insert(200, "p2");
        k.cmd(new Pay(), new Confirm());
        String payload = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(payload).productId()).isEqualTo("mts-combo-15g-500-month");
        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(k.sim.ledger().get(cash.txnId()).productId()).isEqualTo("mts-combo-15g-500-month");
        assertThat(k.sim.ledger().get(cash.txnId()).amount()).isEqualTo(Money.rub(700));
        assertThat(k.carrier.balance(number).amount()).as("50 above the price went to the balance")
                .isEqualTo(before.plus(Money.rub(50)));
        StoredReceipt receipt = k.journal.recentReceipts(5).stream().filter(r -> r.txnId().equals(cash.txnId()))
                .findFirst().orElseThrow();
        assertThat(receipt.body()).contains("15 GB and 500 minutes for a month");
        assertJournalOk();
    }

    @Test
    void packageCancelledAfterCashPrintsACreditVoucherAndBackWithoutCashReturnsToDetails() throws Exception {
        toPackageList("9161234567");
        k.cmd(new ChooseProduct("mts-data-1g-day"), new Next());
        String first = k.snap().txnId();
        k.cmd(new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.PACKAGE_DETAILS);
        assertThat(k.journal.order(first).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        k.cmd(new Next());
        String txn = k.snap().txnId();
        k.insert(50, "c1");
        k.cmd(new Cancel());
        FlowSnapshot v = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(v.creditAmount()).isEqualTo(Money.rub(50));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertJournalOk();
    }

    @Test
    void packageRefusedByTheCarrierBecomesACreditVoucher() throws Exception {
        toPackageList("9161234567");
        k.cmd(new ChooseProduct("mts-data-1g-day"), new Next());
        String txn = k.snap().txnId();
        k.insert(100, "r1");
        k.sim.faults().next(1, Fault.refuse("unknown-product"), "/v1/payments");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot v = k.awaitScreen(Screen.CREDIT_VOUCHER);
        assertThat(v.creditAmount()).isEqualTo(Money.rub(100));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.REFUSED);
        assertJournalOk();
    }

    @Test
    void packagesAreNotSoldWhileTheCarrierIsDown() throws Exception {
        home(Service.PACKAGE);
        k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("packages.unavailable");
        k.sim.faults().next(1, Fault.httpError(503), "/v1/catalog");
        k.cmd(new Next());
        s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null && x.version() > 0
                && k.sim.faults().rules().isEmpty());
        assertThat(s.message().key()).isEqualTo("packages.unavailable");
        assertThat(k.acceptor.commands).doesNotContain("enable");
    }

    // Scratch cards -----------------------------------------------------------------------------------------------------

    private void typePin(String pin) {
        k.type(pin);
    }

    @Test
    void scratchCardIsMaskedValidatedAndAppliedToANumberWithAJournaledNonCashReceipt() throws Exception {
        Msisdn number = Msisdn.of("+79161234567");
        Money before = k.carrier.balance(number).amount();
        home(Service.VOUCHER);
        assertThat(k.snap().screen()).isEqualTo(Screen.VOUCHER_PIN);
        typePin(MTS_500);
        FlowSnapshot typed = k.snap();
        assertThat(typed.services().voucherPinLength()).isEqualTo(14);
        assertThat(typed.services().voucherPinMasked()).isEqualTo("•••• •••• •••• ••").doesNotContainPattern("[0-9]");
        assertThat(typed.toString()).as("the PIN never leaves the flow in a snapshot").doesNotContain(MTS_500);
        k.cmd(new Next());
        FlowSnapshot card = k.awaitScreen(Screen.VOUCHER_CONFIRM);
        assertThat(card.services().voucherNominal()).isEqualTo(Money.rub(500));
        assertThat(card.services().voucherOperatorName()).isEqualTo("MTS");
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(done.toBalance()).isEqualTo(Money.rub(500));
        assertThat(done.txnId()).startsWith("0042-V");
        assertThat(done.hasCash()).isFalse();
        assertThat(k.carrier.balance(number).amount()).isEqualTo(before.plus(Money.rub(500)));
        assertThat(audit("voucher_redeem_sent")).singleElement().satisfies(a -> {
            assertThat(a.txnId()).isEqualTo(done.txnId());
            assertThat(a.dataJson()).contains("MTS-500-000001").doesNotContain(MTS_500);
        });
        assertThat(audit("voucher_redeemed")).singleElement().extracting(AuditEntry::txnId).isEqualTo(done.txnId());
        StoredReceipt receipt = k.journal.recentReceipts(5).get(0);
        assertThat(receipt.kind()).isEqualTo("voucher");
        assertThat(receipt.body()).contains("500").doesNotContain(MTS_500);
        assertThat(k.journal.ordersByStatus(OrderStatus.values())).as("no cash, no order").isEmpty();
        assertThat(k.acceptor.commands).doesNotContain("enable");
        assertJournalOk();

        k.cmd(new Finish());
        home(Service.VOUCHER);
        typePin(MTS_500);
        k.cmd(new Next());
        FlowSnapshot again = k.await(x -> x.screen() == Screen.VOUCHER_PIN && x.message() != null);
        assertThat(again.message().key()).as("a card is used once").isEqualTo("voucher.used");
        assertThat(again.services().voucherPinLength()).isZero();
    }

    @Test
    void usedExpiredAndWrongPinsAreExplainedAndThreeWrongPinsEndTheAttempt() throws Exception {
        home(Service.VOUCHER);
        typePin("123");
        k.cmd(new Next());
        assertThat(k.snap().message().key()).isEqualTo("voucher.pin_short");
        k.cmd(new Clear());
        typePin(USED);
        k.cmd(new Next());
        assertThat(k.await(x -> x.screen() == Screen.VOUCHER_PIN && x.message() != null).message().key())
                .isEqualTo("voucher.used");
        typePin(EXPIRED);
        k.cmd(new Next());
        assertThat(k.await(x -> x.screen() == Screen.VOUCHER_PIN && x.message() != null).message().key())
                .isEqualTo("voucher.expired");
        for (int i = 1; i <= 2; i++) {
            typePin("99999999999999");
            k.cmd(new Next());
            assertThat(k.await(x -> x.screen() == Screen.VOUCHER_PIN && x.message() != null).message().key())
                    .isEqualTo("voucher.unknown");
        }
        typePin("99999999999999");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.HOME && x.message() != null);
        assertThat(s.message().key()).isEqualTo("voucher.too_many");
    }

    @Test
    void cardForAnotherOperatorIsRefusedWithoutUsingIt() throws Exception {
        home(Service.VOUCHER);
        typePin(BEELINE_300);
        k.cmd(new Next());
        k.awaitScreen(Screen.VOUCHER_CONFIRM);
        k.cmd(new Next());
        k.type("9161234567");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("voucher.operator_mismatch");
        assertThat(s.message().args()).containsExactly("Beeline");
        assertThat(audit("voucher_refused")).hasSize(1);
        k.cmd(new Clear());
        k.type("9031234567");
        k.cmd(new Next());
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(done.toBalance()).isEqualTo(Money.rub(300));
    }

    @Test
    void carrierDownWhileCheckingTheCardKeepsThePinAndSaysSo() throws Exception {
        home(Service.VOUCHER);
        typePin(MTS_500);
        k.sim.faults().next(1, Fault.httpError(503), "/v1/vouchers");
        k.cmd(new Next());
        FlowSnapshot s = k.await(x -> x.screen() == Screen.VOUCHER_PIN && x.message() != null);
        assertThat(s.message().key()).isEqualTo("voucher.unavailable");
        assertThat(s.services().voucherPinLength()).isEqualTo(14);

        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.VOUCHER_CHECKING);
        k.exec.advance(Duration.ofSeconds(15));
        assertThat(k.snap().screen()).isEqualTo(Screen.VOUCHER_PIN);
        assertThat(k.snap().message().key()).isEqualTo("voucher.unavailable");
    }

    @Test
    void redemptionWithoutAnswerIsRetriedUnderTheSameIdThenReportedAsUnconfirmed() throws Exception {
        home(Service.VOUCHER);
        typePin(MTS_500);
        k.cmd(new Next());
        k.awaitScreen(Screen.VOUCHER_CONFIRM);
        k.cmd(new Next());
        k.type("9161234567");
        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.SUBMITTING);
        for (int i = 0; i <= ScratchCards.REDEEM_RETRIES; i++) {
            k.exec.advance(Duration.ofSeconds(15));
        }
        k.holdIo = false;
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(done.message().key()).isEqualTo("voucher.unconfirmed");
        assertThat(k.heldIo).hasSize(1 + ScratchCards.REDEEM_RETRIES);
        assertThat(audit("voucher_outcome_unknown")).singleElement().extracting(AuditEntry::txnId)
                .isEqualTo(done.txnId());
        // The held requests reach the carrier late, all under one id: the card is applied once.
        Money before = k.carrier.balance(Msisdn.of("+79161234567")).amount();
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.carrier.balance(Msisdn.of("+79161234567")).amount()).isEqualTo(before.plus(Money.rub(500)));
        assertThat(k.snap().screen()).isEqualTo(Screen.DONE);
    }

    // Promotions --------------------------------------------------------------------------------------------------------

    @Test
    void promotionIsShownBeforePayingSentAsPromoIdAndPrintedWhileTheMoneyStaysTheSame() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new ChooseOperator("mts"));
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.OPERATOR_CONFIRM);
        k.cmd(new Next());
        k.type("100");
        ServicesView.PromoView offer = k.snap().services().promo();
        assertThat(offer.id()).isEqualTo("mts-bonus10-500");
        assertThat(offer.applies()).isFalse();
        k.type("0");
        ServicesView.PromoView applies = k.snap().services().promo();
        assertThat(applies.applies()).isTrue();
        assertThat(applies.bonus()).isEqualTo(Money.rub(100));
        k.cmd(new Next());
        String txn = k.snap().txnId();
        k.insert(1000, "b1");
        k.cmd(new Pay());
        assertThat(k.snap().services().promo().bonus()).isEqualTo(Money.rub(100));
        k.cmd(new Confirm());
        String payload = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(payload).promoId()).isEqualTo("mts-bonus10-500");
        assertThat(PaymentPayloads.fromJson(payload).amount()).as("the kiosk sends what was paid")
                .isEqualTo(Money.rub(1000));
        k.drain();
        k.awaitScreen(Screen.DONE);
        Order order = k.journal.order(txn).orElseThrow();
        assertThat(order.amount()).isEqualTo(Money.rub(1000));
        assertThat(k.sim.bonusOf(txn)).as("the carrier applied the bonus").isEqualTo(Money.rub(100));
        StoredReceipt receipt = k.journal.recentReceipts(5).stream().filter(r -> txn.equals(r.txnId())).findFirst()
                .orElseThrow();
        assertThat(receipt.body()).contains("+10% on top-ups of 500").contains("100");
        assertJournalOk();
    }

    @Test
    void topUpBelowTheThresholdOrOutsideTheDatesGoesWithoutPromoId() throws Exception {
        k.toCashInsertion("9161234567", "100");
        String txn = k.snap().txnId();
        k.insert(100, "s1");
        k.cmd(new Pay(), new Confirm());
        String payload = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(payload).promoId()).isNull();
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(k.sim.bonusOf(txn)).isEqualTo(Money.ZERO_RUB);
        k.cmd(new Finish());

        k.clock.set(Instant.parse("2028-06-01T10:00:00Z"), ZoneId.of("Europe/Moscow"));
        k.toCashInsertion("9161234567", "600");
        assertThat(k.snap().services().promo()).as("the promotion ended in 2027").isNull();
        k.insert(500, "s2");
        k.insert(100, "s3");
        k.cmd(new Pay(), new Confirm());
        String later = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(later).promoId()).isNull();
    }

    @Test
    void inactivityOnTheServiceScreensEndsAtIdle() throws Exception {
        for (Service service : Service.values()) {
            home(service);
            assertThat(k.snap().screen().watchesInactivity()).isTrue();
            k.exec.advance(Duration.ofSeconds(60));
            assertThat(k.snap().countdown()).isEqualTo(15);
            k.exec.advance(Duration.ofSeconds(15));
            assertThat(k.snap().screen()).as("%s", service).isEqualTo(Screen.IDLE);
        }
        home(Service.VOUCHER);
        typePin(MTS_500);
        k.cmd(new Next());
        k.awaitScreen(Screen.VOUCHER_CONFIRM);
        k.exec.advance(Duration.ofSeconds(75));
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(k.snap().services()).as("nothing of the card stays").isNull();
    }

    @Test
    void homeLeadsBackToTheLanguageAndStartOverEndsEveryServiceScreen() throws Exception {
        home(Service.TOPUP);
        k.cmd(new Back(), new Back());
        assertThat(k.snap().screen()).isEqualTo(Screen.LANGUAGE);
        k.cmd(new SetLanguage(Lang.ZH));
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        k.cmd(new ChooseService(Service.VOUCHER), new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        toPackageList("9161234567");
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        home(Service.VOUCHER);
        typePin(MTS_500);
        k.holdIo = true;
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.VOUCHER_CHECKING);
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).as("the late answer is dropped").isEqualTo(Screen.IDLE);
    }
}
