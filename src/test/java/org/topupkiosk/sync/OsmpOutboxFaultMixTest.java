package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.osmp.OsmpAuth;
import org.topupkiosk.carrier.osmp.OsmpCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.carrier.simulator.LedgerEntry;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/**
 * Issue 17's acceptance: the outbox against the simulator's OSMP endpoint over loopback, with the fault mix (latency,
 * timeouts, 5xx, garbled bodies, result 1 and 90 sequences, refusals, an answer applied then lost, a wrong answer),
 * and afterwards the simulator's ledger agrees with the journal: every payment once, none lost, none doubled.
 * 1,000 payments by default; {@code -Dosmp.faultmix.payments=N} changes it.
 */
class OsmpOutboxFaultMixTest {

    private static final int PAYMENTS = Integer.getInteger("osmp.faultmix.payments", 1_000);
    private static final String OSMP = "/osmp";

    @TempDir
    Path dir;
    CarrierSimulator sim;
    Journal journal;
    OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CarrierSimulator(0, KioskKey.developmentKey(), dir.resolve("sim-ledger.jsonl"));
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        OsmpCarrierGateway carrier = new OsmpCarrierGateway(sim.osmpUri(), OsmpAuth.NONE, Duration.ofMillis(300),
                Duration.ofMillis(400), Clock.systemUTC());
        dispatcher = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(4), new Random(17)), Clock.systemUTC(),
                CrashPoints.NONE, 50, 8);
    }

    @AfterEach
    void tearDown() {
        dispatcher.close();
        journal.close();
        sim.close();
    }

    private void faultMix() {
        sim.faults().seed(2026)
                .withProbability(0.10, Fault.latency(15), OSMP)
                .withProbability(0.015, new Fault.Timeout(1_500), OSMP)
                .withProbability(0.05, Fault.httpError(503), OSMP)
                .withProbability(0.02, Fault.httpError(500), OSMP)
                .withProbability(0.04, Fault.garbled(), OSMP)
                .withProbability(0.04, Fault.applyThenFail(true), OSMP)
                .withProbability(0.04, Fault.applyThenFail(false), OSMP)
                .withProbability(0.05, new Fault.OsmpResult(1), OSMP)
                .withProbability(0.05, new Fault.OsmpResult(90), OSMP)
                .withProbability(0.03, Fault.refuse("7"), OSMP)
                .withProbability(0.02, Fault.refuse("unknown-number"), OSMP)
                .withProbability(0.01, Fault.wrongAnswer("amount"), OSMP);
        // Sequences: the first requests meet runs of "temporary" and "not finished".
        sim.faults().next(6, new Fault.OsmpResult(1), OSMP).next(6, new Fault.OsmpResult(90), OSMP);
    }

    private String queue(Random r, int i) {
        // A few numbers the provider does not know or has blocked: real refusals besides the injected ones.
        String number = i % 97 == 0 ? "+79000000001" : i % 89 == 0 ? "+79000000002" : i % 83 == 0 ? "+79000000003"
                : String.format("+7916%07d", i);
        Msisdn msisdn = Msisdn.of(number);
        long rub = 10 + r.nextInt(3_000);
        Order o = journal.openOrder("topup", msisdn, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(rub), "note-" + o.txnId());
        PaymentRequest req = new PaymentRequest(o.txnId(), msisdn, "mts", Money.rub(rub), null, o.createdAt());
        journal.submit(o.txnId(), Money.rub(rub), Money.ZERO_RUB, false, PaymentPayloads.toJson(req));
        return o.txnId();
    }

    private void drainAll(long maxMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMs;
        while (journal.outbox().status().pendingCount() > 0 && System.currentTimeMillis() < deadline) {
            if (dispatcher.drainOnce() == 0) {
                Thread.sleep(2);
            }
        }
    }

    @Test
    void everyPaymentReachesTheProviderOnceAndTheBooksAgree() throws Exception {
        faultMix();
        Random r = new Random(42);
        List<String> txns = new ArrayList<>();
        for (int i = 1; i <= PAYMENTS; i++) {
            txns.add(queue(r, i));
        }
        long t0 = System.currentTimeMillis();
        drainAll(90_000);
        // What the mix left pending (a last unknown outcome) is sent again without faults, as a later pass would.
        sim.faults().clear();
        drainAll(30_000);
        System.out.printf("osmp fault mix: %d payments drained in %d ms%n", PAYMENTS, System.currentTimeMillis() - t0);
        assertThat(journal.outbox().status().pendingCount()).isZero();

        Map<String, LedgerEntry> ledger = sim.ledger();
        Map<String, String> numericOf = new HashMap<>();
        long journalPaid = 0;
        int confirmed = 0;
        int refused = 0;
        for (String txn : txns) {
            Order o = journal.order(txn).orElseThrow();
            String numeric = journal.outbox().numericTxnId(txn);
            assertThat(numericOf.put(numeric, txn)).as("numeric id of %s used twice", txn).isNull();
            LedgerEntry e = ledger.get(numeric);
            assertThat(e).as("payment %s (%s) never reached the provider", txn, numeric).isNotNull();
            assertThat(e.amount()).isEqualTo(o.amount());
            assertThat(e.msisdn()).isEqualTo(o.msisdn().e164());
            if (o.status() == OrderStatus.CONFIRMED) {
                confirmed++;
                journalPaid += o.amount().minor();
                assertThat(e.status()).isEqualTo(PaymentResult.Status.CONFIRMED);
                assertThat(e.appliedCount()).isEqualTo(1);
                assertThat(o.carrierRef()).isEqualTo(e.carrierRef());
            } else {
                assertThat(o.status()).as("order %s", txn).isEqualTo(OrderStatus.REFUSED);
                refused++;
                assertThat(e.status()).isEqualTo(PaymentResult.Status.REFUSED);
                assertThat(e.appliedCount()).isZero();
            }
        }
        // Nothing on the provider's side that the journal does not know, and nothing applied twice.
        assertThat(ledger.keySet()).isEqualTo(numericOf.keySet());
        assertThat(ledger.values()).allSatisfy(e -> assertThat(e.appliedCount()).isLessThanOrEqualTo(1));
        long ledgerPaid = ledger.values().stream().filter(e -> e.appliedCount() == 1)
                .mapToLong(e -> e.amount().minor()).sum();
        assertThat(ledgerPaid).isEqualTo(journalPaid);
        assertThat(confirmed).isGreaterThan(PAYMENTS * 8 / 10);
        assertThat(refused).isPositive();
        // Each refusal's credit reaches the customer on a voucher, as the flow's receipt desk prints it.
        for (var credit : journal.openCredits()) {
            journal.storeReceipt("credit-" + credit.code(), credit.sourceTxn(), "credit", "voucher " + credit.code());
            journal.markReceiptPrinted("credit-" + credit.code());
        }
        // The wrong answers were alarms, never confirmations; every one audited.
        assertThat(journal.recentAudit(List.of("carrier_answer_mismatch"), 1_000)).isNotEmpty();
        assertThat(journal.verify().violations()).isEmpty();
    }
}
