package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.topupkiosk.carrier.SimulatorFixture.gateway;
import static org.topupkiosk.carrier.SimulatorFixture.topUp;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierException.Kind;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.PaymentResult.Status;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.domain.Msisdn;

/** Each injected fault becomes the {@link Kind} docs/carrier-api.md promises, and the money side stays right. */
class CarrierFaultMappingTest {

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
    void http500And503AreUnknownOutcomeAndNotApplied() throws Exception {
        sim.faults().next(1, Fault.httpError(500)).next(1, Fault.httpError(503));
        PaymentRequest r = topUp("+79161234567", 100);
        assertKind(() -> gw.pay(r), Kind.UNKNOWN_OUTCOME, "http-500");
        assertKind(() -> gw.pay(r), Kind.UNKNOWN_OUTCOME, "http-503");
        assertThat(sim.ledger()).doesNotContainKey(r.txnId());
        assertThat(gw.pay(r).status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void timeoutIsUnknownOutcome() {
        sim.faults().next(1, Fault.timeout());
        long t0 = System.nanoTime();
        assertKind(() -> gw.pay(topUp("+79161234567", 100)), Kind.UNKNOWN_OUTCOME, "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void garbledBodyIsUnknownOutcomeAndARetryGetsTheFirstAnswer() throws Exception {
        sim.faults().next(1, Fault.garbled(), "/v1/payments");
        PaymentRequest r = topUp("+79161234567", 100);
        assertKind(() -> gw.pay(r), Kind.UNKNOWN_OUTCOME, "bad-body");
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
        assertThat(gw.pay(r).status()).isEqualTo(Status.CONFIRMED);
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
    }

    @Test
    void garbledAnswersToQueriesAreUnknownOutcome() {
        sim.faults().next(3, Fault.garbled());
        Msisdn m = Msisdn.of("+79161234567");
        assertKind(() -> gw.checkAccount(m, null), Kind.UNKNOWN_OUTCOME, "bad-body");
        assertKind(() -> gw.balance(m), Kind.UNKNOWN_OUTCOME, "bad-body");
        assertKind(() -> gw.catalog("mts"), Kind.UNKNOWN_OUTCOME, "bad-body");
    }

    @Test
    void injectedRefusalIsAFinalResultRecordedInTheLedger() throws Exception {
        sim.faults().next(1, Fault.refuse("limit-exceeded"), "/v1/payments");
        PaymentRequest r = topUp("+79161234567", 100);
        PaymentResult res = gw.pay(r);
        assertThat(res.status()).isEqualTo(Status.REFUSED);
        assertThat(res.refusalCode()).isEqualTo("limit-exceeded");
        assertThat(gw.pay(r)).isEqualTo(res);
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isZero();
    }

    @Test
    void injectedRefusalOfACheckIsNotPayable() throws Exception {
        sim.faults().next(1, Fault.refuse("account-blocked"));
        assertThat(gw.checkAccount(Msisdn.of("+79161234567"), null).refusalCode()).isEqualTo("account-blocked");
        assertThat(gw.checkAccount(Msisdn.of("+79161234567"), null).payable()).isTrue();
    }

    @Test
    void applyThen503ThenRetryConfirmsAndAppliesOnce() throws Exception {
        sim.faults().next(1, Fault.applyThenFail(false), "/v1/payments");
        PaymentRequest r = topUp("+79161234567", 300);
        assertKind(() -> gw.pay(r), Kind.UNKNOWN_OUTCOME, "http-503");
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
        PaymentResult retry = gw.pay(r);
        assertThat(retry.status()).isEqualTo(Status.CONFIRMED);
        assertThat(retry.carrierRef()).isEqualTo(sim.ledger().get(r.txnId()).carrierRef());
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
    }

    @Test
    void applyThenDropThenStatusFindsThePayment() throws Exception {
        sim.faults().next(1, Fault.applyThenFail(true), "/v1/payments");
        PaymentRequest r = topUp("+79161234567", 300);
        assertKind(() -> gw.pay(r), Kind.UNKNOWN_OUTCOME, "io");
        assertThat(gw.status(r.txnId()).status()).isEqualTo(Status.CONFIRMED);
        assertThat(gw.pay(r).status()).isEqualTo(Status.CONFIRMED);
        assertThat(sim.ledger().get(r.txnId()).appliedCount()).isEqualTo(1);
    }

    @Test
    void latencyBelowTheTimeoutOnlyDelays() throws Exception {
        sim.faults().next(1, Fault.latency(200));
        long t0 = System.nanoTime();
        assertThat(gw.pay(topUp("+79161234567", 100)).status()).isEqualTo(Status.CONFIRMED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void pathPrefixLimitsTheFault() throws Exception {
        sim.faults().next(1, Fault.httpError(503), "/v1/payments");
        assertThat(gw.checkAccount(Msisdn.of("+79161234567"), null).payable()).isTrue();
        assertKind(() -> gw.pay(topUp("+79161234567", 100)), Kind.UNKNOWN_OUTCOME, "http-503");
        assertThat(sim.faults().rules()).isEmpty();
    }

    @Test
    void probabilityFaultsRepeatWithTheSameSeed() throws Exception {
        String first = failurePattern(42);
        assertThat(first).contains("x").contains(".");
        assertThat(failurePattern(42)).isEqualTo(first);
    }

    private String failurePattern(long seed) throws Exception {
        sim.faults().clear();
        sim.faults().seed(seed).withProbability(0.5, Fault.httpError(503));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            try {
                gw.checkAccount(Msisdn.of("+79161234567"), null);
                sb.append('.');
            } catch (CarrierException e) {
                sb.append('x');
            }
        }
        return sb.toString();
    }

    @Test
    void faultsCanBeSetAndClearedOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String rule = "{\"fault\":\"http\",\"status\":500,\"count\":2,\"path\":\"/v1/accounts\"}";
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(sim.faults().rules()).hasSize(1);
        assertKind(() -> gw.checkAccount(Msisdn.of("+79161234567"), null), Kind.UNKNOWN_OUTCOME, "http-500");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"meteor\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/sim/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sim.faults().rules()).isEmpty();
        assertThat(gw.checkAccount(Msisdn.of("+79161234567"), null).payable()).isTrue();

        PaymentRequest r = topUp("+79161234567", 100);
        gw.pay(r);
        HttpResponse<String> ledger = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/sim/ledger")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ledger.body()).contains(r.txnId()).contains("\"appliedCount\":1");
    }

    @Test
    void wrongKeyAndSkewedClockAreProtocolErrors() {
        RestCarrierGateway wrongKey = gateway(sim.baseUri(), "other-key".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        assertKind(() -> wrongKey.pay(topUp("+79161234567", 100)), Kind.PROTOCOL, "http-401");
        RestCarrierGateway skewed = gateway(sim.baseUri(), SimulatorFixture.KEY,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(301)));
        assertKind(() -> skewed.checkAccount(Msisdn.of("+79161234567"), null), Kind.PROTOCOL, "http-401");
        RestCarrierGateway slightlySkewed = gateway(sim.baseUri(), SimulatorFixture.KEY,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-200)));
        assertThatCode(() -> slightlySkewed.checkAccount(Msisdn.of("+79161234567"), null));
        assertThat(sim.ledger()).isEmpty();
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RestCarrierGateway nowhere = gateway(URI.create("http://127.0.0.1:" + port), SimulatorFixture.KEY,
                Clock.systemUTC());
        assertKind(() -> nowhere.pay(topUp("+79161234567", 100)), Kind.UNREACHABLE, "connect-refused");
    }

    @Test
    void unresolvableHostIsUnreachable() {
        RestCarrierGateway nowhere = gateway(URI.create("https://carrier.invalid"), SimulatorFixture.KEY,
                Clock.systemUTC());
        assertThatThrownBy(() -> nowhere.balance(Msisdn.of("+79161234567")))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    }

    @Test
    void interruptionRestoresTheFlag() throws Exception {
        sim.faults().next(1, Fault.latency(5_000));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                gw.pay(topUp("+79161234567", 100));
            } catch (Throwable e) {
                thrown.set(e);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        Thread.sleep(150);
        t.interrupt();
        t.join(3_000);
        assertThat(thrown.get()).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
            assertThat(e.code()).isEqualTo("interrupted");
        });
        assertThat(flag.get()).isTrue();
    }

    private static void assertThatCode(ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatCode(call).doesNotThrowAnyException();
    }

    private static void assertKind(ThrowingCallable call, Kind kind, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        });
    }
}
