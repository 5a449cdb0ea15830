package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.topupkiosk.carrier.SimulatorFixture.gateway;
import static org.topupkiosk.carrier.SimulatorFixture.topUp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.PaymentResult.Status;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.LedgerEntry;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

class RestCarrierGatewayTest {

    private CarrierSimulator sim;
    private RestCarrierGateway gw;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorFixture.simulator();
        gw = gateway(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void checkNamesTheOperatorFromThePrefixTable() throws Exception {
        assertThat(gw.checkAccount(Msisdn.of("+79161234567"), null).operatorId()).isEqualTo("mts");
        assertThat(gw.checkAccount(Msisdn.of("+79031234567"), null).operatorId()).isEqualTo("beeline");
        assertThat(gw.checkAccount(Msisdn.of("+79251234567"), null).operatorId()).isEqualTo("megafon");
        assertThat(gw.checkAccount(Msisdn.of("+79521234567"), null).operatorId()).isEqualTo("t2");
        assertThat(gw.checkAccount(Msisdn.of("+79701234567"), "beeline").operatorId()).isEqualTo("mts");
        AccountCheck ok = gw.checkAccount(Msisdn.of("+79161234567"), "mts");
        assertThat(ok.payable()).isTrue();
        assertThat(ok.refusalCode()).isNull();
        assertThat(ok.minAmount()).isEqualTo(Money.rub(10));
        assertThat(ok.maxAmount()).isEqualTo(Money.rub(15_000));
    }

    @Test
    void checkOfTestNumbersIsRefusedNotThrown() throws Exception {
        AccountCheck unknown = gw.checkAccount(Msisdn.of("+79000000001"), null);
        assertThat(unknown.payable()).isFalse();
        assertThat(unknown.refusalCode()).isEqualTo("unknown-number");
        assertThat(gw.checkAccount(Msisdn.of("+79000000002"), null).refusalCode()).isEqualTo("account-blocked");
    }

    @Test
    void balanceReflectsTopUps() throws Exception {
        Msisdn m = Msisdn.of("+79161112233");
        Balance before = gw.balance(m);
        assertThat(before.operatorId()).isEqualTo("mts");
        assertThat(gw.pay(topUp(m.e164(), 250)).status()).isEqualTo(Status.CONFIRMED);
        assertThat(gw.balance(m).amount()).isEqualTo(before.amount().plus(Money.rub(250)));
    }

    @Test
    void balanceOfUnknownNumberIsARefusal() {
        assertThatThrownBy(() -> gw.balance(Msisdn.of("+79000000001")))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("unknown-number");
                });
    }

    @Test
    void catalogHasEveryKindAndPeriodWithThreeLanguages() throws Exception {
        List<CatalogEntry> mts = gw.catalog("mts");
        assertThat(mts).isNotEmpty().allSatisfy(e -> {
            assertThat(e.operatorId()).isEqualTo("mts");
            assertThat(e.titles()).containsKeys("ru", "en", "zh");
            assertThat(e.price().isPositive()).isTrue();
        });
        assertThat(mts).extracting(CatalogEntry::kind).contains("data", "voice", "combo");
        assertThat(mts).extracting(CatalogEntry::period).contains("day", "month", "unlimited");
        assertThat(gw.catalog(null)).hasSize(mts.size() * 4);
        assertThatThrownBy(() -> gw.catalog("vodafone")).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED));
    }

    @Test
    void payThenStatusAgree() throws Exception {
        PaymentRequest r = topUp("+79261234567", 500);
        PaymentResult paid = gw.pay(r);
        assertThat(paid.status()).isEqualTo(Status.CONFIRMED);
        assertThat(paid.carrierRef()).isNotBlank();
        assertThat(paid.amount()).isEqualTo(Money.rub(500));
        assertThat(gw.status(r.txnId())).isEqualTo(paid);
        assertThat(gw.status("never-sent").status()).isEqualTo(Status.NOT_FOUND);
    }

    @Test
    void repeatReturnsTheFirstAnswerAndPaysOnce() throws Exception {
        PaymentRequest r = topUp("+79261234567", 100);
        PaymentResult first = gw.pay(r);
        PaymentResult again = gw.pay(r);
        assertThat(again).isEqualTo(first);
        LedgerEntry e = sim.ledger().get(r.txnId());
        assertThat(e.appliedCount()).isEqualTo(1);
        assertThat(e.carrierRef()).isEqualTo(first.carrierRef());
    }

    @Test
    void reusedTxnIdWithAnotherBodyIsAConflictNotRetried() throws Exception {
        PaymentRequest r = topUp("+79261234567", 100);
        gw.pay(r);
        PaymentRequest other = new PaymentRequest(r.txnId(), r.msisdn(), null, Money.rub(200), null, r.createdAt());
        // Issue 12 item 4: a conflict of its own kind, which the outbox stops on, not a protocol error retried for ever.
        assertThatThrownBy(() -> gw.pay(other)).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).isEqualTo(CarrierException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("txn-conflict");
            assertThat(e.retryable()).isFalse();
        });
        assertThat(sim.ledger().get(r.txnId()).amount()).isEqualTo(Money.rub(100));
    }

    @Test
    void refusalsAreFinalResultsNotExceptions() throws Exception {
        assertRefused(topUp("+79000000001", 100), "unknown-number");
        assertRefused(topUp("+79000000002", 100), "account-blocked");
        assertRefused(topUp("+79161234567", 9), "amount-out-of-range");
        assertRefused(topUp("+79161234567", 15_001), "amount-out-of-range");
        assertThat(gw.pay(topUp("+79161234567", 10)).status()).isEqualTo(Status.CONFIRMED);
        assertThat(gw.pay(topUp("+79161234567", 15_000)).status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void packagePaymentMustCoverTheCatalogPrice() throws Exception {
        Msisdn m = Msisdn.of("+79031234567");
        CatalogEntry p = gw.catalog("beeline").get(0);
        Balance before = gw.balance(m);
        PaymentResult ok = gw.pay(new PaymentRequest("pkg-1", m, "beeline", p.price(), p.productId(),
                java.time.Instant.now()));
        assertThat(ok.status()).isEqualTo(Status.CONFIRMED);
        assertThat(gw.balance(m).amount()).as("a package is not a top-up").isEqualTo(before.amount());
        assertRefused(new PaymentRequest("pkg-2", m, "beeline", p.price().minus(Money.rub(1)), p.productId(),
                java.time.Instant.now()), "price-mismatch");
        assertRefused(new PaymentRequest("pkg-3", m, "beeline", p.price(), "mts-data-1g-day",
                java.time.Instant.now()), "unknown-product");
    }

    @Test
    void slowNumberIsAcceptedThenConfirmedOnStatus() throws Exception {
        PaymentRequest r = topUp("+79000000003", 100);
        PaymentResult accepted = gw.pay(r);
        assertThat(accepted.status()).isEqualTo(Status.ACCEPTED);
        PaymentResult later = gw.status(r.txnId());
        assertThat(later.status()).isEqualTo(Status.CONFIRMED);
        assertThat(later.carrierRef()).isEqualTo(accepted.carrierRef());
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
    }

    @Test
    void concurrentPaymentsWithRepeatsApplyEachTxnOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<PaymentRequest> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                requests.add(topUp("+7916" + String.format("%07d", i), 50));
            }
            List<Future<PaymentResult>> answers = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (PaymentRequest r : requests) {
                    answers.add(pool.submit(() -> gw.pay(r)));
                }
            }
            for (Future<PaymentResult> f : answers) {
                assertThat(f.get().status()).isEqualTo(Status.CONFIRMED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.ledger()).hasSize(200);
        assertThat(sim.ledger().values()).allSatisfy(e -> assertThat(e.appliedCount()).isEqualTo(1));
    }

    private void assertRefused(PaymentRequest r, String code) throws CarrierException {
        PaymentResult res = gw.pay(r);
        assertThat(res.status()).isEqualTo(Status.REFUSED);
        assertThat(res.refusalCode()).isEqualTo(code);
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isZero();
        assertThat(gw.pay(r)).as("a refusal is final and repeats the same").isEqualTo(res);
    }
}
