package org.topupkiosk.carrier.osmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Capability;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierException.Kind;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.carrier.simulator.FaultRule;
import org.topupkiosk.carrier.simulator.LedgerEntry;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/** The OSMP adapter against the simulator's /osmp over real loopback HTTP: mapping, result codes, repeats, faults. */
class OsmpCarrierGatewayTest {

    private static final AtomicLong IDS = new AtomicLong(1_000_000_000_000_000_001L);
    private CarrierSimulator sim;
    private OsmpCarrierGateway gw;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorFixture.simulator();
        gw = new OsmpCarrierGateway(sim.osmpUri(), OsmpAuth.NONE, Duration.ofMillis(500), Duration.ofMillis(700),
                Clock.system(ZoneId.of("Europe/Moscow")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static PaymentRequest topUp(String msisdn, long rub) {
        String numeric = Long.toString(IDS.getAndIncrement());
        return new PaymentRequest("0042-abc-" + numeric.substring(13), Msisdn.of(msisdn), "mts", Money.rub(rub), null,
                Instant.parse("2026-11-21T10:15:30Z")).withNumericTxnId(numeric);
    }

    @Test
    void capabilitiesAreCheckAndTopUpOnly() {
        assertThat(gw.capabilities()).isEqualTo(EnumSet.of(Capability.CHECK_ACCOUNT, Capability.TOP_UP));
        assertThatThrownBy(() -> gw.balance(Msisdn.of("+79161234567")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("unsupported"));
        assertThatThrownBy(() -> gw.goods("mts"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
        assertThatThrownBy(() -> gw.requestOtp(Msisdn.of("+79161234567"), "history"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("unsupported"));
        assertThatThrownBy(() -> gw.pay(PaymentRequest.goods("t", GoodsKind.EPIN, "mts", Money.rub(300), "mts-epin-300",
                Instant.now(), null).withNumericTxnId("1000000000000000009")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }

    @Test
    void checkSaysPayableOrWhyNot() throws Exception {
        AccountCheck ok = gw.checkAccount(Msisdn.of("+79161234567"), "mts");
        assertThat(ok.payable()).isTrue();
        assertThat(ok.operatorId()).isEqualTo("mts");
        AccountCheck unknown = gw.checkAccount(Msisdn.of("+79000000001"), "mts");
        assertThat(unknown.payable()).isFalse();
        assertThat(unknown.refusalCode()).isEqualTo("unknown-number");
        assertThat(gw.checkAccount(Msisdn.of("+79000000002"), null).refusalCode()).isEqualTo("account-blocked");
        assertThat(sim.ledger()).isEmpty();
    }

    @Test
    void payConfirmsWithPrvTxnAsTheReferenceAndARepeatPaysNothingMore() throws Exception {
        PaymentRequest req = topUp("+79161234567", 150);
        PaymentResult first = gw.pay(req);
        assertThat(first.status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(first.txnId()).isEqualTo(req.txnId());
        assertThat(first.amount()).isEqualTo(Money.rub(150));
        LedgerEntry e = sim.ledger().get(req.numericTxnId());
        assertThat(first.carrierRef()).isEqualTo(e.carrierRef()).isNotBlank();
        PaymentResult repeat = gw.pay(req);
        assertThat(repeat).isEqualTo(first);
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isEqualTo(1);
        assertThat(sim.ledger()).hasSize(1);
    }

    @Test
    void withoutItsNumericIdNothingIsSent() {
        PaymentRequest req = new PaymentRequest("t-1", Msisdn.of("+79161234567"), "mts", Money.rub(100), null,
                Instant.now());
        assertThatThrownBy(() -> gw.pay(req)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.code()).isEqualTo("no-numeric-txn-id"));
        assertThat(sim.ledger()).isEmpty();
    }

    @Test
    void resultOneIsAnUnknownOutcomeAndTheRepeatPays() throws Exception {
        sim.faults().next(2, new Fault.OsmpResult(1), "/osmp");
        PaymentRequest req = topUp("+79161234567", 100);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> gw.pay(req)).isInstanceOfSatisfying(CarrierException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
                assertThat(e.retryable()).isTrue();
                assertThat(e.code()).isEqualTo("osmp-1");
            });
            assertThat(sim.ledger()).isEmpty();
        }
        assertThat(gw.pay(req).status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isEqualTo(1);
    }

    @Test
    void resultNinetyMeansNotFinishedAndTheRepeatLearnsTheEnd() throws Exception {
        sim.faults().next(3, new Fault.OsmpResult(90), "/osmp");
        PaymentRequest req = topUp("+79161234567", 100);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gw.pay(req)).isInstanceOfSatisfying(CarrierException.class,
                    e -> assertThat(e.code()).isEqualTo("osmp-90"));
        }
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isEqualTo(1);
        PaymentResult r = gw.pay(req);
        assertThat(r.status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isEqualTo(1);
        // The simulator's slow number is "not finished" at first too, and finished at the repeat.
        PaymentRequest slow = topUp("+79000000003", 100);
        assertThatThrownBy(() -> gw.pay(slow)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.code()).isEqualTo("osmp-90"));
        assertThat(gw.pay(slow).status()).isEqualTo(PaymentResult.Status.CONFIRMED);
    }

    @ParameterizedTest
    @CsvSource({"4,unknown-number", "5,unknown-number", "7,account-blocked", "8,provider-unavailable",
            "79,account-blocked", "241,amount-out-of-range", "242,amount-out-of-range", "243,account-state-unknown",
            "300,other", "13,osmp-13"})
    void everyOtherResultIsAFinalRefusalWithOurCode(int result, String code) throws Exception {
        sim.faults().add(new FaultRule(Fault.refuse(Integer.toString(result)), "/osmp", 1, 0));
        PaymentRequest req = topUp("+79161234567", 100);
        PaymentResult r = gw.pay(req);
        assertThat(r.status()).isEqualTo(PaymentResult.Status.REFUSED);
        assertThat(r.refusalCode()).isEqualTo(code);
        assertThat(r.txnId()).isEqualTo(req.txnId());
        assertThat(r.amount()).isEqualTo(req.amount());
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isZero();
        assertThat(gw.pay(req)).isEqualTo(r);
    }

    @Test
    void aRealRefusalAndCheckSumBoundsFromTheRules() throws Exception {
        PaymentResult tooSmall = gw.pay(topUp("+79161234567", 5));
        assertThat(tooSmall.refusalCode()).isEqualTo("amount-out-of-range");
        assertThat(gw.pay(topUp("+79000000001", 100)).refusalCode()).isEqualTo("unknown-number");
    }

    @Test
    void anAnswerAboutAnotherSumOrTxnIsPassedOnForTheAlarmNeverAsOurs() throws Exception {
        sim.faults().next(1, Fault.wrongAnswer("amount"), "/osmp");
        PaymentRequest req = topUp("+79161234567", 100);
        PaymentResult sum = gw.pay(req);
        assertThat(sum.amount()).isEqualTo(Money.rub(101));
        sim.faults().next(1, Fault.wrongAnswer("txnId"), "/osmp");
        PaymentRequest other = topUp("+79161234567", 100);
        PaymentResult txn = gw.pay(other);
        assertThat(txn.txnId()).isNotEqualTo(other.txnId()).startsWith("osmp:");
        // A repeat of a txn_id with another sum: the provider answers its first payment, never ours.
        PaymentRequest changed = new PaymentRequest(req.txnId(), req.msisdn(), "mts", Money.rub(200), null,
                req.createdAt()).withNumericTxnId(req.numericTxnId());
        assertThat(gw.pay(changed).amount()).isEqualTo(Money.rub(100));
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isEqualTo(1);
    }

    @Test
    void transportFaultsAreClassified() throws Exception {
        PaymentRequest req = topUp("+79161234567", 100);
        sim.faults().next(1, Fault.garbled(), "/osmp");
        assertThatThrownBy(() -> gw.pay(req)).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
            assertThat(e.code()).isEqualTo("bad-body");
        });
        sim.faults().next(1, new Fault.HttpError(503), "/osmp");
        assertThatThrownBy(() -> gw.pay(req)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.code()).isEqualTo("http-503"));
        sim.faults().next(1, new Fault.Timeout(5_000), "/osmp");
        assertThatThrownBy(() -> gw.pay(req)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME));
        assertThat(gw.pay(req).status()).isEqualTo(PaymentResult.Status.CONFIRMED);
        assertThat(sim.ledger().get(req.numericTxnId()).appliedCount()).isEqualTo(1);
        assertThatThrownBy(() -> gw.status(req.txnId())).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThatThrownBy(() -> new OsmpCarrierGateway(URI.create("http://provider.example.ru/osmp"), OsmpAuth.NONE,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }
}
