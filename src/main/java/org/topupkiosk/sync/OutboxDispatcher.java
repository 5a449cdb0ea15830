package org.topupkiosk.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.journal.Confirmation;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.OutboxItem;

/**
 * Sends the outbox to the carrier on its own thread, oldest first, a batch at a time with a few requests in flight.
 * The transaction id never changes across retries, so the carrier answers a repeat with its first answer (jPOS:
 * every participant must cope with the same id twice after a crash). Unknown outcomes are retried with backoff; a
 * final refusal turns the money into a customer credit; confirmations of a batch are committed in one transaction,
 * which is what lets a backlog drain fast after an outage.
 */
public final class OutboxDispatcher implements PaymentDispatch, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration IDLE_PASS = Duration.ofSeconds(5);
    private static final ObjectMapper AUDIT_JSON = new ObjectMapper();
    private static final Duration SEND_SLACK = Duration.ofSeconds(2);

    private final Journal journal;
    private final CarrierGateway carrier;
    private final RetryPolicy retry;
    private final Clock clock;
    private final CrashPoints crash;
    private final int batchSize;
    private final ExecutorService senders;
    private final List<Consumer<PaymentOutcome>> listeners = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private final Thread loop;
    private boolean kicked;
    private volatile boolean running;

    public OutboxDispatcher(Journal journal, CarrierGateway carrier, RetryPolicy retry, Clock clock, CrashPoints crash,
                            int batchSize, int inFlight) {
        this.journal = journal;
        this.carrier = carrier;
        this.retry = retry;
        this.clock = clock;
        this.crash = crash;
        this.batchSize = batchSize;
        this.senders = Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "sync-send");
            t.setDaemon(true);
            return t;
        });
        this.loop = new Thread(this::run, "sync");
        this.loop.setDaemon(true);
    }

    public void start() {
        running = true;
        loop.start();
    }

    @Override
    public void kick() {
        synchronized (wake) {
            kicked = true;
            wake.notifyAll();
        }
    }

    @Override
    public void addListener(Consumer<PaymentOutcome> listener) {
        listeners.add(listener);
    }

    private void run() {
        while (running) {
            try {
                int sent = drainOnce();
                if (sent == 0) {
                    waitForWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Housekeeping loops log and go on: a bad row must not stop every later payment.
                log.error("outbox pass failed; retrying shortly", e);
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private void waitForWork() throws InterruptedException {
        Instant horizon = clock.instant().plus(IDLE_PASS);
        Instant next = journal.outbox().due(horizon, 1).stream().map(OutboxItem::nextAttemptAt).findFirst().orElse(horizon);
        long waitMs = Math.max(10, Math.min(IDLE_PASS.toMillis(), Duration.between(clock.instant(), next).toMillis()));
        synchronized (wake) {
            if (!kicked) {
                wake.wait(waitMs);
            }
            kicked = false;
        }
    }

    /** One pass over what is due: send, then record the answers. Returns how many were sent. Public for tests. */
    public int drainOnce() throws InterruptedException {
        // A retry is never scheduled beyond the longest backoff (plus slack); one that is was scheduled before the clock
        // was set back, and is sent now rather than after the clock catches up.
        List<OutboxItem> due = journal.outbox().due(clock.instant(), retry.max().multipliedBy(2).plus(SEND_SLACK),
                batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        List<Future<Attempt>> futures = new ArrayList<>(due.size());
        for (OutboxItem item : due) {
            futures.add(senders.submit(() -> send(item)));
        }
        // Never wait without a deadline: the carrier call itself is bounded by the gateway's call deadline, and a
        // send that still hangs past it (plus slack) is given up as an unknown outcome, retried with the same id.
        long deadline = System.nanoTime() + carrier.callDeadline().plus(SEND_SLACK).toNanos();
        List<Attempt> attempts = new ArrayList<>(due.size());
        for (int i = 0; i < futures.size(); i++) {
            Future<Attempt> f = futures.get(i);
            try {
                attempts.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                log.error("payment send overran its deadline txn={} deadline={}", due.get(i).txnId(),
                        carrier.callDeadline().plus(SEND_SLACK));
                attempts.add(new Attempt(due.get(i), null, null, new CarrierException(
                        CarrierException.Kind.UNKNOWN_OUTCOME, "deadline", "send overran its deadline")));
            } catch (ExecutionException e) {
                throw new IllegalStateException("send task failed", e.getCause());
            }
        }
        record(attempts);
        return due.size();
    }

    private record Attempt(OutboxItem item, PaymentRequest request, PaymentResult result, CarrierException error) {}

    private Attempt send(OutboxItem item) {
        crash.reach("payment-before-send");
        PaymentRequest request = null;
        try {
            request = PaymentPayloads.fromJson(item.payloadJson());
            // The order's numeric id, made with the order and kept beside it (OSMP's txn_id is a number); the frozen
            // payload stays as it was journaled.
            request = request.withNumericTxnId(journal.outbox().numericTxnId(item.txnId()));
            PaymentResult result = carrier.pay(request);
            crash.reach("payment-after-answer");
            if (request.goods() != null && result.status() == PaymentResult.Status.CONFIRMED
                    && (result.goods() == null || result.goods().kind() != request.goods())) {
                // Confirmed without the PIN or code the customer paid for: ask again under the same txnId.
                return new Attempt(item, request, null, new CarrierException(CarrierException.Kind.UNKNOWN_OUTCOME,
                        "goods-missing", "confirmed " + request.goods().wire() + " without its goods"));
            }
            return new Attempt(item, request, result, null);
        } catch (CarrierException e) {
            return new Attempt(item, request, null, e);
        } catch (IllegalArgumentException e) {
            return new Attempt(item, request, null,
                    new CarrierException(CarrierException.Kind.PROTOCOL, "bad-payload", e.getMessage(), e));
        } catch (RuntimeException e) {
            return new Attempt(item, request, null,
                    new CarrierException(CarrierException.Kind.UNKNOWN_OUTCOME, "client-error", e.toString(), e));
        }
    }

    private void record(List<Attempt> attempts) {
        List<Confirmation> confirmed = new ArrayList<>();
        List<PaymentOutcome> outcomes = new ArrayList<>();
        for (Attempt a : attempts) {
            String txn = a.item().txnId();
            AnswerCheck.Mismatch mismatch = a.result() == null ? null : AnswerCheck.mismatch(a.request(), a.result());
            if (mismatch != null) {
                outcomes.add(mismatched(a, mismatch));
            } else if (a.result() != null && a.result().status() == PaymentResult.Status.CONFIRMED) {
                confirmed.add(new Confirmation(txn, a.result().carrierRef(), journalGoods(a.result().goods())));
                outcomes.add(new PaymentOutcome.Confirmed(txn, a.result().carrierRef()));
            } else if (a.result() != null && a.result().status() == PaymentResult.Status.REFUSED) {
                CustomerCredit credit = journal.refuse(txn, a.result().refusalCode());
                log.warn("payment refused txn={} code={} credit={}", txn, a.result().refusalCode(), credit.masked());
                outcomes.add(new PaymentOutcome.Refused(txn, a.result().refusalCode(), credit));
            } else if (a.error() != null && a.error().kind() == CarrierException.Kind.CONFLICT) {
                // The carrier holds this txnId for another payment and applied nothing of ours: retrying cannot
                // help. An alarm and an outbox state of its own; the order keeps its money for the technician.
                journal.outbox().markConflict(txn, a.error().code(), a.error().getMessage());
                log.error("payment conflict txn={} code={}: the carrier holds this txn id for another payment; not "
                        + "sent again, see kioskctl outbox status", txn, a.error().code());
                outcomes.add(new PaymentOutcome.Deferred(txn, a.error().code()));
            } else if (a.error() != null && !a.error().retryable()) {
                // A protocol error is ours to fix, not the customer's loss: keep the payment and retry slowly
                // while the service screen shows the error.
                Instant next = clock.instant().plus(retry.delay(a.item().attempts() + 8));
                journal.outbox().scheduleRetry(txn, next, a.error().code());
                log.error("payment rejected as malformed txn={} code={}", txn, a.error().code());
                outcomes.add(new PaymentOutcome.Deferred(txn, a.error().code()));
            } else {
                String why = a.error() != null ? a.error().code() : "status-" + a.result().status();
                Instant next = clock.instant().plus(retry.delay(a.item().attempts() + 1));
                journal.outbox().scheduleRetry(txn, next, why);
                log.info("payment deferred txn={} why={} attempt={} next={}", txn, why, a.item().attempts() + 1, next);
                outcomes.add(new PaymentOutcome.Deferred(txn, why));
            }
        }
        if (!confirmed.isEmpty()) {
            journal.confirmAll(confirmed);
            log.info("payments confirmed count={}", confirmed.size());
        }
        for (PaymentOutcome o : outcomes) {
            for (Consumer<PaymentOutcome> l : listeners) {
                try {
                    l.accept(o);
                } catch (RuntimeException e) {
                    log.error("outcome listener failed", e);
                }
            }
        }
    }

    /**
     * An answer about another payment, amount or currency: an alarm, never a success or a refusal. The order stays
     * pending and the outbox asks again under the same txnId with backoff (the carrier's next answer is checked the
     * same way); each mismatched answer leaves an audit row for the technician.
     */
    private PaymentOutcome mismatched(Attempt a, AnswerCheck.Mismatch m) {
        String txn = a.item().txnId();
        log.error("carrier answer mismatch txn={} field={} expected={} got={} status={}", txn, m.field(), m.expected(),
                m.got(), a.result().status());
        ObjectNode data = AUDIT_JSON.createObjectNode().put("field", m.field()).put("expected", m.expected())
                .put("got", m.got()).put("status", a.result().status().name());
        journal.audit("carrier_answer_mismatch", txn, data.toString());
        Instant next = clock.instant().plus(retry.delay(a.item().attempts() + 1));
        journal.outbox().scheduleRetry(txn, next, "answer-mismatch");
        return new PaymentOutcome.Deferred(txn, "answer-mismatch");
    }

    /** The carrier's goods as the journal keeps them (null for a top-up or package). */
    static Goods journalGoods(IssuedGoods g) {
        if (g instanceof IssuedGoods.EPin p) {
            return new Goods("epin", p.pin(), p.serial(), null, null, p.expiresOn());
        }
        if (g instanceof IssuedGoods.Esim e) {
            return new Goods("esim", e.activationCode(), null, e.msisdn(), e.iccid(), null);
        }
        return null;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        senders.shutdownNow();
    }
}
