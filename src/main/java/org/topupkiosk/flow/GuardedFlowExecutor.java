package org.topupkiosk.flow;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.flow.core.FlowExecutor;

/**
 * The kiosk flow's executor: every task and timer the flow and its features post runs guarded, so an exception in one
 * of them is not logged and forgotten but handed to the flow's failure policy ({@link SafeStop}: out of service, the
 * acceptor disabled, an audit row) on the flow thread. An {@link Error} is not caught here: it reaches the flow
 * thread's uncaught-exception policy, which ends the process so its supervisor restarts it.
 */
final class GuardedFlowExecutor implements FlowExecutor {

    private static final Logger log = LoggerFactory.getLogger(GuardedFlowExecutor.class);

    private final FlowExecutor inner;
    private final Consumer<RuntimeException> onFailure;

    GuardedFlowExecutor(FlowExecutor inner, Consumer<RuntimeException> onFailure) {
        this.inner = inner;
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        inner.execute(guarded(task));
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        return inner.schedule(guarded(task), delay);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                try {
                    onFailure.accept(e);
                } catch (RuntimeException again) {
                    again.addSuppressed(e);
                    log.error("the failure policy itself failed; the kiosk may not be out of service", again);
                }
            }
        };
    }
}
