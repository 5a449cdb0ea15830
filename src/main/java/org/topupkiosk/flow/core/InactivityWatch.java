package org.topupkiosk.flow.core;

import java.time.Duration;

/**
 * "Are you still there?": after a quiet spell a countdown shows; when it runs out the flow ends the session safely.
 * Runs on the flow thread through the flow's timers; every tick publishes a snapshot so the overlay counts down.
 */
public final class InactivityWatch {

    private final FlowExecutor flow;
    private final Duration warning;
    private final int countdownSeconds;
    private final Runnable onTick;
    private final Runnable onEnd;

    private FlowExecutor.Timer timer;
    private Integer countdown;
    private long generation;

    public InactivityWatch(FlowExecutor flow, Duration warning, Duration countdown, Runnable onTick, Runnable onEnd) {
        this.flow = flow;
        this.warning = warning;
        this.countdownSeconds = (int) Math.max(1, countdown.toSeconds());
        this.onTick = onTick;
        this.onEnd = onEnd;
    }

    /** The customer did something: hide the warning and start the quiet spell again. */
    public void activity(Screen screen) {
        stop();
        long gen = generation;
        timer = flow.schedule(() -> startCountdown(gen), warning);
    }

    public void stop() {
        generation++;
        countdown = null;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Seconds left on the warning, or null when it is not showing. */
    public Integer countdown() {
        return countdown;
    }

    private void startCountdown(long gen) {
        if (gen != generation) {
            return;
        }
        countdown = countdownSeconds;
        onTick.run();
        timer = flow.schedule(() -> tick(gen), Duration.ofSeconds(1));
    }

    private void tick(long gen) {
        if (gen != generation) {
            return;
        }
        countdown--;
        if (countdown <= 0) {
            stop();
            onEnd.run();
            return;
        }
        onTick.run();
        timer = flow.schedule(() -> tick(gen), Duration.ofSeconds(1));
    }
}
