package org.topupkiosk.flow.core;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierException;

/**
 * A carrier call made off the flow thread, with the flow's own time limit, whose one result comes back on the flow
 * thread: the answer, the carrier's failure, or "timed out", whichever comes first; later ones are dropped. Used by the
 * services that wait on the carrier with the customer watching (balance, catalog, scratch card), so a carrier that
 * does not answer ends in a clear message, never a hang.
 */
public final class CarrierCalls {

    private static final Logger log = LoggerFactory.getLogger(CarrierCalls.class);

    /** A blocking carrier call. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws CarrierException;
    }

    /** Exactly one per {@link #call}. */
    public sealed interface Result<T> {
        record Ok<T>(T value) implements Result<T> {}

        record Failed<T>(CarrierException error) implements Result<T> {}

        /** No answer within the limit; for a call that changes something, its outcome is unknown. */
        record TimedOut<T>() implements Result<T> {}

        /** No answer, or a failure the carrier says may be asked again: worth another try under the same id. */
        default boolean retryable() {
            return this instanceof TimedOut || this instanceof Failed<T> f && f.error().retryable();
        }

        /** Why a call failed, for the journal: "timeout", or the carrier's error code; null for an answer. */
        default String failureCode() {
            return this instanceof Failed<T> f ? f.error().code() : this instanceof TimedOut ? "timeout" : null;
        }
    }

    private final FlowExecutor flow;
    private final Executor io;

    public CarrierCalls(FlowExecutor flow, Executor io) {
        this.flow = flow;
        this.io = io;
    }

    /** Starts {@code call}; cancel the returned timer when the session moves on, and the result is dropped. */
    <T> FlowExecutor.Timer call(String what, Call<T> call, Duration timeout, Consumer<Result<T>> onResult) {
        boolean[] done = new boolean[1]; // touched only on the flow thread
        Consumer<Result<T>> once = r -> {
            if (!done[0]) {
                done[0] = true;
                onResult.accept(r);
            }
        };
        FlowExecutor.Timer timer = flow.schedule(() -> {
            if (!done[0]) {
                log.warn("carrier call {} timed out after {}", what, timeout);
                once.accept(new Result.TimedOut<>());
            }
        }, timeout);
        io.execute(() -> {
            Result<T> r;
            try {
                r = new Result.Ok<>(call.run());
            } catch (CarrierException e) {
                log.warn("carrier call {} failed kind={} code={}", what, e.kind(), e.code());
                r = new Result.Failed<>(e);
            } catch (RuntimeException e) {
                log.error("carrier call {} crashed", what, e);
                r = new Result.Failed<>(new CarrierException(CarrierException.Kind.UNKNOWN_OUTCOME, "crash",
                        e.toString(), e));
            }
            Result<T> result = r;
            flow.execute(() -> {
                timer.cancel();
                once.accept(result);
            });
        });
        return () -> {
            timer.cancel();
            flow.execute(() -> done[0] = true);
        };
    }
}
