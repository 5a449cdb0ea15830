package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/** The outbox against the real simulator over loopback, under each fault the simulator can inject. */
class OutboxDispatcherTest {

    @TempDir
    Path dir;
    byte[] key = KioskKey.developmentKey();
    CarrierSimulator sim;
    Journal journal;
    OutboxDispatcher dispatcher;
    List<PaymentOutcome> outcomes = new CopyOnWriteArrayList<>();
    int phone;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CarrierSimulator(0, key, null);
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        dispatcher = dispatcherFor(sim.baseUri().getPort());
    }

    private OutboxDispatcher dispatcherFor(int port) {
        RestCarrierGateway carrier = new RestCarrierGateway(java.net.URI.create("http://127.0.0.1:" + port),
                "0042", key, Duration.ofMillis(500), Duration.ofMillis(700), Clock.systemUTC());
        OutboxDispatcher d = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), new Random(7)), Clock.systemUTC(),
                CrashPoints.NONE, 50, 4);
        d.addListener(outcomes::add);
        return d;
    }

    @AfterEach
    void tearDown() {
        dispatcher.close();
        journal.close();
        sim.close();
    }

    private String queue(long rub) {
        Msisdn msisdn = Msisdn.of("+7916" + String.format("%07d", ++phone));
        Order o = journal.openOrder("topup", msisdn, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(rub), "note-" + o.txnId());
        PaymentRequest req = new PaymentRequest(o.txnId(), msisdn, "mts", Money.rub(rub), null, o.createdAt());
        journal.submit(o.txnId(), Money.rub(rub), Money.ZERO_RUB, false, PaymentPayloads.toJson(req));
        return o.txnId();
    }

    /** Drains until nothing is due, giving the tiny backoff time to pass. */
    private void drainAll() throws InterruptedException {
        for (int i = 0; i < 50 && journal.outbox().status().pendingCount() > 0; i++) {
            dispatcher.drainOnce();
            Thread.sleep(5);
        }
    }

    private void assertPaidOnce(String txn, long rub) {
        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(sim.ledger().get(txn).appliedCount()).isEqualTo(1);
        assertThat(sim.ledger().get(txn).amount()).isEqualTo(Money.rub(rub));
        assertThat(journal.verify().violations()).isEmpty();
    }

    @Test
    void confirmsAndTellsTheFlow() throws Exception {
        String txn = queue(100);
        assertThat(dispatcher.drainOnce()).isEqualTo(1);
        assertPaidOnce(txn, 100);
        assertThat(outcomes).containsExactly(new PaymentOutcome.Confirmed(txn, sim.ledger().get(txn).carrierRef()));
    }

    @Test
    void serverErrorIsRetriedWithTheSameTransactionId() throws Exception {
        sim.faults().next(2, Fault.httpError(503), "/v1/payments");
        String txn = queue(150);
        dispatcher.drainOnce();
        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(outcomes.get(0)).isInstanceOf(PaymentOutcome.Deferred.class);
        drainAll();
        assertPaidOnce(txn, 150);
        assertThat(journal.outbox().due(java.time.Instant.parse("9999-12-31T00:00:00Z"), 10)).isEmpty();
    }

    @Test
    void timeoutIsAnUnknownOutcomeThenConfirmedOnce() throws Exception {
        sim.faults().next(1, new Fault.Timeout(2000), "/v1/payments");
        String txn = queue(200);
        dispatcher.drainOnce();
        assertThat(outcomes.get(0)).isInstanceOf(PaymentOutcome.Deferred.class);
        drainAll();
        assertPaidOnce(txn, 200);
    }

    @Test
    void appliedButAnsweredWithGarbageIsNotPaidTwice() throws Exception {
        sim.faults().next(1, Fault.garbled(), "/v1/payments");
        String txn = queue(300);
        drainAll();
        assertPaidOnce(txn, 300);
    }

    @Test
    void appliedThenFailedOrDroppedIsNotPaidTwice() throws Exception {
        sim.faults().next(1, Fault.applyThenFail(false), "/v1/payments");
        String a = queue(400);
        drainAll();
        sim.faults().next(1, Fault.applyThenFail(true), "/v1/payments");
        String b = queue(500);
        drainAll();
        assertPaidOnce(a, 400);
        assertPaidOnce(b, 500);
    }

    @Test
    void latencyOnlySlowsThingsDown() throws Exception {
        sim.faults().next(1, Fault.latency(200), "/v1/payments");
        String txn = queue(100);
        dispatcher.drainOnce();
        assertPaidOnce(txn, 100);
    }

    @Test
    void finalRefusalBecomesACustomerCredit() throws Exception {
        sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        String txn = queue(250);
        dispatcher.drainOnce();
        Order o = journal.order(txn).orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(journal.openCredits()).extracting(c -> c.amount()).containsExactly(Money.rub(250));
        assertThat(outcomes.get(0)).isInstanceOf(PaymentOutcome.Refused.class);
        // The credit is owed on paper: verify names it until the flow (a listener, absent here) prints its voucher.
        assertThat(journal.verify().violations()).extracting(v -> v.check()).containsExactly("undelivered_credit");
        String code = journal.openCredits().get(0).code();
        journal.storeReceipt("credit-" + code, txn, "credit", "voucher " + code);
        journal.markReceiptPrinted("credit-" + code);
        assertThat(journal.verify().violations()).isEmpty();
        // a repeat of the refused id is answered with the refusal, never paid
        dispatcher.drainOnce();
        assertThat(sim.ledger().get(txn).appliedCount()).isZero();
    }

    @Test
    void unreachableCarrierKeepsEverythingQueuedUntilItComesBack() throws Exception {
        int port = sim.port();
        sim.close();
        List<String> txns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            txns.add(queue(100 + i));
        }
        dispatcher.drainOnce();
        assertThat(journal.outbox().status().pendingCount()).isEqualTo(5);
        assertThat(journal.outbox().status().lastError()).isNotBlank();
        sim = new CarrierSimulator(port, key, null);
        Thread.sleep(5);
        drainAll();
        for (int i = 0; i < 5; i++) {
            assertPaidOnce(txns.get(i), 100 + i);
        }
    }

    @Test
    void aBacklogDrainsInOrderWithEveryPaymentAppliedOnce() throws Exception {
        sim.faults().withProbability(0.2, Fault.httpError(503), "/v1/payments").seed(11);
        List<String> txns = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            txns.add(queue(10 + i));
        }
        drainAll();
        sim.faults().clear();
        drainAll();
        for (int i = 0; i < txns.size(); i++) {
            assertPaidOnce(txns.get(i), 10 + i);
        }
        assertThat(sim.ledger()).hasSize(120);
    }

    @Test
    void runningDispatcherSendsAfterAKick() throws Exception {
        dispatcher.start();
        String txn = queue(100);
        dispatcher.kick();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (journal.order(txn).orElseThrow().status() != OrderStatus.CONFIRMED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertPaidOnce(txn, 100);
    }
}
