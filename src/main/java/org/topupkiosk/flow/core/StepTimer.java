package org.topupkiosk.flow.core;

/**
 * The timer of the step in progress (a carrier check, a wait, a reading): one at a time, the last cancelled when
 * another starts, so a late timeout of an abandoned step never fires on the screen that followed it.
 */
public final class StepTimer {

    private FlowExecutor.Timer current;

    /** {@code timer} is now the step in progress; the one before it is cancelled. */
    public void start(FlowExecutor.Timer timer) {
        cancel();
        current = timer;
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}
