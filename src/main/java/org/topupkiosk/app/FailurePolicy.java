package org.topupkiosk.app;

import java.util.Objects;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.flow.TopUpFlow;

/**
 * The process's uncaught-exception policy, for every thread (the flow thread hands its failures here too, the JavaFX
 * thread reports exceptions from event handlers here, and so does every device thread that dies). An
 * {@link Exception} takes the kiosk out of service: the flow disables the acceptor, returns a note in escrow, shows the
 * reason and writes an audit row. An {@link Error} (out of memory, a linkage error, a stack overflow) leaves nothing to
 * trust in this JVM: after the flow's last words (acceptor disabled, audit row) the process exits with
 * {@link #EXIT_ON_ERROR}, and its supervisor ({@code scripts/kiosk}'s restart loop, systemd) starts it again, which
 * resumes everything from the journal.
 */
public final class FailurePolicy implements Thread.UncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FailurePolicy.class);

    /** The exit status after an {@link Error}: EX_SOFTWARE of sysexits.h, never 0, so a supervisor restarts. */
    public static final int EXIT_ON_ERROR = 70;

    /** How long the acceptor's own thread gets to send "disable" before the process ends. */
    static final long LAST_WORDS_MS = 300;

    private final IntConsumer exit;
    private volatile TopUpFlow flow;

    /** @param exit ends the process with a status ({@code System::exit} in production; tests record it) */
    public FailurePolicy(IntConsumer exit) {
        this.exit = Objects.requireNonNull(exit, "exit");
    }

    /** Makes this the default handler of every thread in the process; returns it. */
    public static FailurePolicy install(IntConsumer exit) {
        FailurePolicy policy = new FailurePolicy(exit);
        Thread.setDefaultUncaughtExceptionHandler(policy);
        return policy;
    }

    /** The kiosk flow to take out of service; before this only the logs and the exit apply. */
    public void attach(TopUpFlow kiosk) {
        this.flow = kiosk;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        String where = thread == null ? "unknown" : thread.getName();
        try {
            log.error("uncaught {} on thread {}", failure.getClass().getName(), where, failure);
        } catch (RuntimeException | Error ignored) {
            // Logging itself failed (out of memory): what follows matters more.
        }
        TopUpFlow kiosk = flow;
        if (failure instanceof Error) {
            if (kiosk != null) {
                try {
                    kiosk.lastWords(where, failure);
                    Thread.sleep(LAST_WORDS_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error ignored) {
                    // Best effort: the next start resumes from the journal whatever happened here.
                }
            }
            exit.accept(EXIT_ON_ERROR);
        } else if (kiosk != null) {
            kiosk.fail(where, failure);
        }
    }
}
