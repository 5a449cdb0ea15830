package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.OutboxStatus;
import org.topupkiosk.ops.KioskCtl;
import picocli.CommandLine;

/**
 * Issue 12 item 4: a journal restored from a backup, or recreated, must not reissue transaction ids the carrier has
 * seen; and the carrier's conflict answer (the same txnId with another payment) is an audited alarm and an outbox state
 * of its own, never a retry loop.
 */
class JournalEpochConflictTest {

    private static final Msisdn NUMBER = Msisdn.of("+79161234567");

    @TempDir
    Path dir;
    byte[] key = KioskKey.developmentKey();
    CarrierSimulator sim;
    RestCarrierGateway carrier;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CarrierSimulator(0, key, null);
        carrier = new RestCarrierGateway(URI.create("http://127.0.0.1:" + sim.port()), "0042", key,
                Duration.ofMillis(1000), Duration.ofMillis(2000), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private OutboxDispatcher dispatcher(Journal journal) {
        return new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), new Random(7)), Clock.systemUTC(),
                CrashPoints.NONE, 50, 2);
    }

    /** A top-up paid in full and queued; its payload is what the dispatcher sends. */
    private static String queue(Journal journal, long rub) {
        Order o = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(rub), "note-" + journal.file().getFileName() + "-" + o.txnId()
                + "-" + System.nanoTime());
        PaymentRequest req = new PaymentRequest(o.txnId(), NUMBER, "mts", Money.rub(rub), null, o.createdAt());
        journal.submit(o.txnId(), Money.rub(rub), Money.ZERO_RUB, false, PaymentPayloads.toJson(req));
        return o.txnId();
    }

    /** Pays {@code count} top-ups through the carrier; returns their ids. */
    private List<String> payThrough(Journal journal, int count, long rub) throws Exception {
        List<String> ids = new ArrayList<>();
        try (OutboxDispatcher d = dispatcher(journal)) {
            for (int i = 0; i < count; i++) {
                ids.add(queue(journal, rub + i));
            }
            d.drainOnce();
        }
        return ids;
    }

    @Test
    void aRecreatedJournalsIdsDoNotCollideWithTheCarriersLedger() throws Exception {
        List<String> first;
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC())) {
            first = payThrough(journal, 2, 100);
            assertThat(journal.ordersByStatus(OrderStatus.CONFIRMED)).hasSize(2);
        }
        // The SD card died; the kiosk starts on a new, empty journal: its counter starts again at 1.
        Files.delete(dir.resolve("journal.db"));
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC())) {
            List<String> second = payThrough(journal, 2, 300);
            assertThat(second).doesNotContainAnyElementsOf(first);
            assertThat(journal.ordersByStatus(OrderStatus.CONFIRMED)).as("paid at the carrier, not a conflict")
                    .extracting(Order::txnId).containsExactlyElementsOf(second);
            assertThat(journal.outbox().status().conflictCount()).isZero();
        }
        assertThat(sim.ledger().keySet()).containsAll(first).hasSize(4);
    }

    @Test
    void aJournalRestoredFromABackupDrawsAFreshEpoch() throws Exception {
        Path live = dir.resolve("journal.db");
        Path backup = dir.resolve("backup.db");
        List<String> before;
        List<String> after;
        try (Journal journal = Journal.open(live, "0042", Clock.systemUTC())) {
            before = payThrough(journal, 1, 100);
        }
        Files.copy(live, backup); // closed cleanly: the WAL is checkpointed into the file
        try (Journal journal = Journal.open(live, "0042", Clock.systemUTC())) {
            after = payThrough(journal, 2, 200); // the carrier sees these; the backup never does
        }
        Files.delete(live);
        Files.copy(backup, live);
        Set<String> seen = new HashSet<>(sim.ledger().keySet());
        try (Journal journal = Journal.open(live, "0042", Clock.systemUTC())) {
            List<String> restored = payThrough(journal, 2, 400);
            assertThat(restored).doesNotContainAnyElementsOf(seen);
            assertThat(journal.ordersByStatus(OrderStatus.CONFIRMED)).extracting(Order::txnId)
                    .containsAll(restored).containsAll(before);
            assertThat(journal.outbox().status().conflictCount()).isZero();
            assertThat(journal.recentAudit(List.of("journal_epoch"), 10)).as("one epoch per life that made ids")
                    .hasSize(2);
            assertThat(journal.verify().violations()).isEmpty();
        }
        assertThat(seen).containsAll(after);
    }

    @Test
    void aConflictAnswerIsAnAuditedOutboxStateOfItsOwnAndIsNotRetried() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC());
             OutboxDispatcher d = dispatcher(journal)) {
            String txn = queue(journal, 100);
            // Someone else's payment under the same txnId reached the carrier first (as a restored journal's would).
            PaymentResult other = carrier.pay(new PaymentRequest(txn, Msisdn.of("+79161112233"), "mts",
                    Money.rub(700), null, Instant.parse("2026-01-01T00:00:00Z")));
            assertThat(other.status()).isEqualTo(PaymentResult.Status.CONFIRMED);

            d.drainOnce();

            OutboxStatus s = journal.outbox().status();
            assertThat(s.conflictCount()).isEqualTo(1);
            assertThat(s.pendingCount()).as("not waiting to be sent: the carrier will never take it").isZero();
            assertThat(journal.outbox().due(Instant.parse("9999-01-01T00:00:00Z"), 10)).as("no retry").isEmpty();
            assertThat(d.drainOnce()).isZero();
            assertThat(journal.outbox().conflicts()).singleElement().satisfies(k -> {
                assertThat(k.txnId()).isEqualTo(txn);
                assertThat(k.code()).isEqualTo("txn-conflict");
            });
            assertThat(journal.recentAudit(List.of("payment_conflict"), 10)).singleElement()
                    .satisfies(a -> assertThat(a.txnId()).isEqualTo(txn));
            assertThat(journal.order(txn).orElseThrow().status()).as("the money stays with the order")
                    .isEqualTo(OrderStatus.PENDING);
            assertThat(sim.ledger().get(txn).amount()).as("the carrier kept the other payment")
                    .isEqualTo(Money.rub(700));
            assertThat(journal.verify().violations()).isEmpty();
            assertThat(journal.outbox().markConflict(txn, "txn-conflict", "again")).as("a repeat writes nothing").isFalse();
            assertThat(journal.recentAudit(List.of("payment_conflict"), 10)).hasSize(1);
        }
    }

    @Test
    void theRestAdapterCallsA409OnAPaymentAConflict() throws Exception {
        PaymentRequest first = new PaymentRequest("0042-abc-000001", NUMBER, "mts", Money.rub(100), null,
                Instant.parse("2026-01-01T00:00:00Z"));
        carrier.pay(first);
        PaymentRequest reused = new PaymentRequest("0042-abc-000001", NUMBER, "mts", Money.rub(200), null,
                Instant.parse("2026-02-01T00:00:00Z"));
        try {
            carrier.pay(reused);
            throw new AssertionError("a reused txnId with another body must not be paid");
        } catch (CarrierException e) {
            assertThat(e.kind()).isEqualTo(CarrierException.Kind.CONFLICT);
            assertThat(e.retryable()).isFalse();
            assertThat(e.code()).isEqualTo("txn-conflict");
        }
    }

    @Test
    void kioskctlOutboxStatusListsConflicts() throws Exception {
        String txn;
        Path db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(db, "0042", Clock.systemUTC())) {
            txn = queue(journal, 100);
            journal.outbox().markConflict(txn, "txn-conflict", "409");
        }
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new KioskCtl());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        assertThat(cl.execute("outbox", "status", "--db", db.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("pending=0").contains("conflicts=1").contains("CONFLICT txn=" + txn);
    }
}
