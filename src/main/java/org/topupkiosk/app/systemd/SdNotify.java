package org.topupkiosk.app.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's service notifications ({@code sd_notify(3)}): {@code READY=1} when the kiosk screen is up,
 * {@code WATCHDOG=1} while the flow thread is alive ({@link Watchdog}), {@code STATUS=} lines for
 * {@code systemctl status}, {@code STOPPING=1} on the way out. The socket comes from {@code NOTIFY_SOCKET}, which
 * systemd sets for a {@code Type=notify} service; without it (a developer's desktop, the tests, {@code scripts/kiosk})
 * every call is a no-op. A failed send is logged (once until one succeeds again) and never thrown: the kiosk goes on
 * selling, and a watchdog that hears nothing restarts it, which is the right answer to a broken notify socket.
 */
public final class SdNotify {

    private static final Logger log = LoggerFactory.getLogger(SdNotify.class);

    /** Not under systemd's notify: nothing is sent. */
    public static final SdNotify OFF = new SdNotify(null, null);

    private final String socket;
    private final Duration watchdog;
    private volatile boolean failing;

    private SdNotify(String socket, Duration watchdog) {
        this.socket = socket;
        this.watchdog = watchdog;
    }

    /** From the process's environment, for this process. */
    public static SdNotify fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * From {@code env}: {@code NOTIFY_SOCKET} (an absolute path, or {@code @name} in the abstract namespace) and the
     * watchdog's {@code WATCHDOG_USEC}, which counts only when {@code WATCHDOG_PID} is absent or is {@code pid}
     * (systemd names the main process; a child that inherited the variables must not ping for it). A malformed value
     * is logged with its name and treated as absent.
     */
    public static SdNotify fromEnvironment(Map<String, String> env, long pid) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return OFF;
        }
        try {
            UnixDatagram.sockaddr(socket);
        } catch (IllegalArgumentException e) {
            log.warn("systemd notifications off: {}", e.getMessage());
            return OFF;
        }
        return new SdNotify(socket, watchdog(env, pid));
    }

    private static Duration watchdog(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || usec.isEmpty()) {
            return null;
        }
        String forPid = env.get("WATCHDOG_PID");
        try {
            if (forPid != null && !forPid.isEmpty() && Long.parseLong(forPid.strip()) != pid) {
                log.info("systemd watchdog is for pid {}, not this process ({}): no pings", forPid, pid);
                return null;
            }
            long micros = Long.parseLong(usec.strip());
            if (micros <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Duration.ofNanos(Math.multiplyExact(micros, 1000L));
        } catch (NumberFormatException | ArithmeticException e) {
            log.warn("systemd watchdog off: WATCHDOG_USEC='{}' WATCHDOG_PID='{}' is not a positive number ({})", usec,
                    forPid, e.getMessage());
            return null;
        }
    }

    /** True when systemd listens (NOTIFY_SOCKET is set and well formed). */
    public boolean enabled() {
        return socket != null;
    }

    /** The watchdog timeout systemd enforces ({@code WatchdogSec=}), when it asked for pings from this process. */
    public Optional<Duration> watchdog() {
        return Optional.ofNullable(watchdog);
    }

    /**
     * Sends the assignments ({@code READY=1}, {@code STATUS=...}) as one datagram, one per line. Returns whether it
     * was sent; false when off or when the send failed (logged).
     */
    public boolean send(String... assignments) {
        if (socket == null || assignments.length == 0) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (String a : assignments) {
            if (text.length() > 0) {
                text.append('\n');
            }
            // A line break inside a value would start a new assignment: a STATUS text keeps to one line.
            text.append(a.replace('\n', ' ').replace('\r', ' '));
        }
        try {
            UnixDatagram.send(socket, text.toString().getBytes(StandardCharsets.UTF_8));
            if (failing) {
                failing = false;
                log.info("systemd notify socket {} takes notifications again", socket);
            }
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            if (!failing) {
                failing = true;
                log.warn("systemd notification not sent to {}: {} (the watchdog restarts the kiosk if this persists)",
                        socket, e.toString());
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return socket == null ? "SdNotify[off]" : "SdNotify[" + socket + ", watchdog=" + watchdog + "]";
    }
}
