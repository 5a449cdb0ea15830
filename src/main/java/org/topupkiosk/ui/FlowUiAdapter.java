package org.topupkiosk.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.KioskFlow;

/**
 * The one bridge from other threads to the FX thread: the only class in the UI that calls {@link Platform#runLater}.
 *
 * <p>It subscribes to a {@link KioskFlow} and publishes each snapshot in {@link #snapshotProperty()} on the FX thread.
 * Snapshots coalesce: when the flow publishes several before the FX thread gets to run, the screen shows only the
 * newest (by {@link FlowSnapshot#version()}), so a burst of bill events never queues stale frames.
 */
public final class FlowUiAdapter implements AutoCloseable {

    private final ReadOnlyObjectWrapper<FlowSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final Consumer<FlowSnapshot> poster;
    private final AutoCloseable subscription;

    public FlowUiAdapter(KioskFlow flow) {
        this(flow, Platform::runLater);
    }

    /** For tests that drive the FX side by hand: {@code fxExecutor} stands in for {@code Platform.runLater}. */
    FlowUiAdapter(KioskFlow flow, Executor fxExecutor) {
        Objects.requireNonNull(flow, "flow");
        this.poster = new Latest<FlowSnapshot>(fxExecutor, this::publish, FlowUiAdapter::newer);
        this.subscription = flow.subscribe(poster);
        FlowSnapshot initial = flow.current();
        if (initial != null) {
            poster.accept(initial);
        }
    }

    /** The newest snapshot; changes only on the FX thread. Null until the first one arrives. */
    public ReadOnlyObjectProperty<FlowSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public FlowSnapshot snapshot() {
        return snapshot.get();
    }

    private void publish(FlowSnapshot s) {
        FlowSnapshot shown = snapshot.get();
        if (shown == null || s.version() >= shown.version()) {
            snapshot.set(s);
        }
    }

    private static FlowSnapshot newer(FlowSnapshot pending, FlowSnapshot incoming) {
        return pending == null || incoming.version() >= pending.version() ? incoming : pending;
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }

    /**
     * Wraps a consumer so that values offered from any thread reach it on the FX thread, newest only. For other
     * background sources of the UI (the emulated printer's receipt text, for one), so they too stay off
     * {@code Platform.runLater} themselves.
     */
    public static <T> Consumer<T> latestOnFxThread(Consumer<T> target) {
        return new Latest<T>(Platform::runLater, target, (pending, incoming) -> incoming);
    }

    /**
     * Follows another stream of snapshots (the counter's) the way the kiosk's is followed: {@code target} gets each on
     * the FX thread, newest only (by {@code version}). {@code subscribe} is the flow's subscribe; close the answer to
     * stop.
     */
    public static <T> AutoCloseable follow(Function<Consumer<T>, AutoCloseable> subscribe, T current,
                                           ToLongFunction<T> version, Consumer<T> target) {
        Consumer<T> poster = new Latest<T>(Platform::runLater, target,
                (pending, incoming) -> pending == null || version.applyAsLong(incoming) >= version.applyAsLong(pending)
                        ? incoming : pending);
        AutoCloseable subscription = subscribe.apply(poster);
        if (current != null) {
            poster.accept(current);
        }
        return subscription;
    }

    /** Runs tasks on the FX thread: for the answers of background work (the service console's futures). */
    public static Executor fxThread() {
        return Platform::runLater;
    }

    /** Coalescing hand-off: at most one drain task is queued; the drain delivers whatever is newest at that moment. */
    private static final class Latest<T> implements Consumer<T> {
        private final AtomicReference<T> pending = new AtomicReference<>();
        private final Executor executor;
        private final Consumer<T> target;
        private final BinaryOperator<T> pick;

        Latest(Executor executor, Consumer<T> target, BinaryOperator<T> pick) {
            this.executor = executor;
            this.target = target;
            this.pick = pick;
        }

        @Override
        public void accept(T value) {
            Objects.requireNonNull(value, "value");
            T before = pending.getAndUpdate(p -> pick.apply(p, value));
            if (before == null) {
                // Nothing was waiting, so no drain is queued yet: queue one.
                executor.execute(this::drain);
            }
        }

        private void drain() {
            T value = pending.getAndSet(null);
            if (value != null) {
                target.accept(value);
            }
        }
    }
}
