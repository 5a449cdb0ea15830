package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.testing.SettableClock;

/**
 * Found by the chaos campaign's clock-back fault (issue 12): a payment queued, or a retry scheduled, before the clock
 * was set back a day waited out that day, because the outbox compared the stored time with the new clock. No backoff
 * reaches that far, so such a row is due now.
 */
class ClockSetBackOutboxTest {

    private static final Msisdn NUMBER = Msisdn.of("+79161234567");
    private static final Instant T = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path dir;
    byte[] key = KioskKey.developmentKey();
    CarrierSimulator sim;
    SettableClock clock = new SettableClock();
    Journal journal;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CarrierSimulator(0, key, null);
        clock.set(T, ZoneOffset.UTC);
        journal = Journal.open(dir.resolve("journal.db"), "0042", clock);
    }

    @AfterEach
    void tearDown() {
        journal.close();
        sim.close();
    }

    @Test
    void aPaymentScheduledBeforeTheClockWentBackIsSentNotHeldForADay() throws Exception {
        Order o = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(100), "n1");
        journal.submit(o.txnId(), Money.rub(100), Money.ZERO_RUB, false, PaymentPayloads.toJson(
                new PaymentRequest(o.txnId(), NUMBER, "mts", Money.rub(100), null, o.createdAt())));
        journal.outbox().scheduleRetry(o.txnId(), T.plusSeconds(2), "timeout");

        clock.set(T.minus(Duration.ofDays(1)), ZoneOffset.UTC); // the next life's clock is a day behind
        RestCarrierGateway carrier = new RestCarrierGateway(sim.baseUri(), "0042", key, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Clock.systemUTC());
        try (OutboxDispatcher d = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)), clock, CrashPoints.NONE,
                10, 2)) {
            assertThat(d.drainOnce()).as("sent now, not in a day").isEqualTo(1);
        }
        assertThat(journal.order(o.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aRetryWithinTheLongestBackoffStillWaits() throws Exception {
        Order o = journal.openOrder("topup", NUMBER, "mts", null);
        journal.recordStacked(o.txnId(), Money.rub(100), "n1");
        journal.submit(o.txnId(), Money.rub(100), Money.ZERO_RUB, false, PaymentPayloads.toJson(
                new PaymentRequest(o.txnId(), NUMBER, "mts", Money.rub(100), null, o.createdAt())));
        journal.outbox().scheduleRetry(o.txnId(), T.plus(Duration.ofMinutes(4)), "timeout");
        RestCarrierGateway carrier = new RestCarrierGateway(sim.baseUri(), "0042", key, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Clock.systemUTC());
        try (OutboxDispatcher d = new OutboxDispatcher(journal, carrier,
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random(1)), clock, CrashPoints.NONE,
                10, 2)) {
            assertThat(d.drainOnce()).as("an ordinary backoff is respected").isZero();
        }
    }
}
