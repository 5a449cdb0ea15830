package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/** Issue 12 item 7: a carrier answer about another txnId, amount or currency is an alarm, never a confirmation. */
class CarrierAnswerMismatchTest {

    @TempDir
    Path dir;
    byte[] key = KioskKey.developmentKey();
    CarrierSimulator sim;
    Journal journal;
    OutboxDispatcher dispatcher;
    List<PaymentOutcome> outcomes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        sim = new CarrierSimulator(0, key, null);
        journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
        RestCarrierGateway carrier = new RestCarrierGateway(URI.create("http://127.0.0.1:" + sim.port()),
                "0042", key, Duration.ofMillis(500), Duration.ofMillis(700), Clock.systemUTC());
        dispatcher = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), new Random(7)), Clock.systemUTC(),
                CrashPoints.NONE, 50, 4);
        dispatcher.addListener(outcomes::add);
    }

    @AfterEach
    void tearDown() {
        dispatcher.close();
        journal.close();
        sim.close();
    }

    private String queue(long rub) {
        Msisdn msisdn = Msisdn.of("+79161234567");
        Order o = journal.openOrder("topup", msisdn, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(rub), "note-" + o.txnId());
        PaymentRequest req = new PaymentRequest(o.txnId(), msisdn, "mts", Money.rub(rub), null, o.createdAt());
        journal.submit(o.txnId(), Money.rub(rub), Money.ZERO_RUB, false, PaymentPayloads.toJson(req));
        return o.txnId();
    }

    private List<AuditEntry> mismatches() {
        return journal.recentAudit(List.of("carrier_answer_mismatch"), 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount", "txnId", "currency"})
    void aMismatchedConfirmationIsNotASuccessButAnAuditedAlarm(String field) throws Exception {
        sim.faults().next(1, Fault.wrongAnswer(field), "/v1/payments");
        String txn = queue(100);

        dispatcher.drainOnce();

        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(outcomes).containsExactly(new PaymentOutcome.Deferred(txn, "answer-mismatch"));
        assertThat(mismatches()).singleElement().satisfies(a -> {
            assertThat(a.txnId()).isEqualTo(txn);
            assertThat(a.dataJson()).contains("\"field\":\"" + field + "\"");
        });
        assertThat(journal.outbox().status().pendingCount()).isEqualTo(1);
    }

    @Test
    void aTruthfulAnswerAfterTheMismatchConfirmsOnceUnderTheSameId() throws Exception {
        sim.faults().next(1, Fault.wrongAnswer("amount"), "/v1/payments");
        String txn = queue(150);
        dispatcher.drainOnce();
        for (int i = 0; i < 50 && journal.outbox().status().pendingCount() > 0; i++) {
            Thread.sleep(5);
            dispatcher.drainOnce();
        }
        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(sim.ledger().get(txn).appliedCount()).isEqualTo(1);
        assertThat(mismatches()).hasSize(1);
    }

    @Test
    void aRightAnswerLeavesNoAlarm() throws Exception {
        String txn = queue(200);
        dispatcher.drainOnce();
        assertThat(journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(mismatches()).isEmpty();
    }
}
