package org.topupkiosk.app.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.flow.core.FlowExecutor;

/**
 * Tells systemd the kiosk is alive from the thread that decides: a timer on the flow executor sends
 * {@code WATCHDOG=1} and schedules itself again. A flow thread that hangs (a deadlock, a blocking call gone wrong)
 * runs no timer, the pings stop, and systemd kills and restarts the kiosk after {@code WatchdogSec=}, which resumes
 * everything from the journal. A thread that only exists, or a JVM that only answers, would not tell that apart.
 *
 * <p>Pings go at half the watchdog timeout ({@code sd_watchdog_enabled(3)}). Each tick also sends {@code STATUS=}
 * when the status text changed, so {@code systemctl status topup-kiosk} shows what the kiosk is doing. Without a
 * watchdog but under systemd's notify, the status is still refreshed every {@link #STATUS_EVERY}.
 */
public final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** How often the status is looked at when systemd asked for no watchdog. */
    static final Duration STATUS_EVERY = Duration.ofSeconds(10);

    private final SdNotify notify;
    private final FlowExecutor thread;
    private final Supplier<String> status;
    private final boolean ping;
    private final Duration every;
    private volatile boolean closed;
    private volatile FlowExecutor.Timer timer;
    /** Only touched on the flow thread. */
    private String lastStatus;

    private Watchdog(SdNotify notify, FlowExecutor thread, Supplier<String> status) {
        this.notify = notify;
        this.thread = thread;
        this.status = status;
        this.ping = notify.watchdog().isPresent();
        Duration half = notify.watchdog().map(d -> d.dividedBy(2)).orElse(STATUS_EVERY);
        this.every = half.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : half;
    }

    /**
     * Starts the ticks on {@code flowThread} (the first at once). Does nothing when {@code notify} is off.
     *
     * @param status the text for {@code STATUS=}, read on the flow thread at each tick; may return null
     */
    public static Watchdog start(SdNotify notify, FlowExecutor flowThread, Supplier<String> status) {
        Watchdog w = new Watchdog(notify, flowThread, status);
        if (notify.enabled()) {
            log.info("systemd notify on: {} ticks every {} ms", notify, w.every.toMillis());
            flowThread.execute(w::tick);
        }
        return w;
    }

    /** The time between two ticks. */
    Duration interval() {
        return every;
    }

    private void tick() {
        if (closed) {
            return;
        }
        List<String> lines = new ArrayList<>(2);
        if (ping) {
            lines.add("WATCHDOG=1");
        }
        String now = currentStatus();
        if (now != null && !now.equals(lastStatus)) {
            lines.add("STATUS=" + now);
            lastStatus = now;
        }
        if (!lines.isEmpty()) {
            notify.send(lines.toArray(String[]::new));
        }
        if (!closed) {
            timer = thread.schedule(this::tick, every);
        }
    }

    /** The status text; a supplier that fails does not stop the pings (the flow thread did answer). */
    private String currentStatus() {
        try {
            return status.get();
        } catch (RuntimeException e) {
            return "status unavailable: " + e;
        }
    }

    @Override
    public void close() {
        closed = true;
        FlowExecutor.Timer t = timer;
        if (t != null) {
            t.cancel();
        }
    }
}
