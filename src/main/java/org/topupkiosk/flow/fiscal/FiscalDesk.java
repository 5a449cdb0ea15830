package org.topupkiosk.flow.fiscal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.Journal;

/**
 * The fiscal register from the flow's point of view: every call runs on the register's own thread (a registration
 * takes about a second, a Z report several), answers come back through callbacks the flow posts to its own thread.
 * Keeps whether the register can register now ({@link #fault()}), asked at start, after every registration and every
 * {@link FiscalSettings#statusEvery()}; a register that cannot register keeps the kiosk out of service, since selling
 * without a fiscal receipt is not legal. Intents left open (a crash, a silent line) are resolved before the register
 * counts as ready again.
 */
public final class FiscalDesk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FiscalDesk.class);

    private final FiscalRegister register;
    private final Journal journal;
    private final FiscalSettings settings;
    private final FiscalRegistrar registrar;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fiscal");
        t.setDaemon(true);
        return t;
    });
    private volatile String fault = "fiscal register: not checked yet";
    private volatile Consumer<String> faultListener = f -> { };

    public FiscalDesk(FiscalRegister register, Journal journal, FiscalSettings settings, CrashPoints crash,
                      Clock clock) {
        this.register = register;
        this.journal = journal;
        this.settings = settings;
        this.registrar = new FiscalRegistrar(register, journal, settings, crash, clock);
        journal.fiscal().recordMode("shtrih");
    }

    public FiscalSettings settings() {
        return settings;
    }

    /** Why the register cannot register now, in English for the technician; null while it can. */
    public String fault() {
        return fault;
    }

    public boolean ready() {
        return fault == null;
    }

    /** Told (on the fiscal thread) each time the fault changes: its new reason, or null when the register recovered. */
    public void onFaultChange(Consumer<String> listener) {
        this.faultListener = listener;
    }

    /**
     * Resolves the intents a previous life left open, then reports them and starts the status polling. Call once at
     * start, before any sale.
     */
    public void start(Consumer<List<FiscalOutcome>> recovered) {
        thread.execute(() -> {
            List<FiscalOutcome> outcomes = recoverNow();
            recovered.accept(outcomes);
        });
        long every = settings.statusEvery().toMillis();
        thread.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Registers {@code receipt} for the order on the fiscal thread; {@code done} hears the outcome there. */
    public void register(String txnId, FiscalReceipt receipt, Consumer<FiscalOutcome> done) {
        thread.execute(() -> {
            FiscalOutcome o;
            try {
                o = registerNow(txnId, receipt);
            } catch (RuntimeException e) {
                // The journal or the receipt failed: the flow still hears an answer (it keeps the customer's money as a
                // credit); an intent left open is resolved by the next recovery.
                log.error("fiscal registration crashed txn={}", txnId, e);
                setFault("fiscal registration failed: " + e);
                o = new FiscalOutcome.NotRegistered(txnId, "fiscal registration failed: " + e, true);
            }
            done.accept(o);
        });
    }

    /** As {@link #register} on the caller's thread (the fiscal thread, or a test); journal failures propagate. */
    public FiscalOutcome registerNow(String txnId, FiscalReceipt receipt) {
        FiscalOutcome o = registrar.register(txnId, receipt);
        if (o instanceof FiscalOutcome.NotRegistered n) {
            setFault(n.reason());
        } else {
            poll();
        }
        return o;
    }

    /** Resolves every open intent now, on the caller's thread; the register counts as ready only when none is left. */
    public List<FiscalOutcome> recoverNow() {
        List<FiscalOutcome> outcomes = registrar.recover();
        for (FiscalOutcome o : outcomes) {
            log.info("fiscal recovery txn={} outcome={}", o.txnId(), o.getClass().getSimpleName());
        }
        poll();
        return outcomes;
    }

    /** The document journaled for the order's sale or refund, as the customer's receipt prints it. */
    public Optional<FiscalOutcome.Registered> registered(String txnId, boolean refund) {
        String sign = refund ? FiscalIntent.INCOME_RETURN : FiscalIntent.INCOME;
        Optional<FiscalRecord> doc = journal.fiscal().document(txnId, sign);
        return doc.map(d -> new FiscalOutcome.Registered(txnId, d, refund));
    }

    /** Asks the register's status (on the fiscal thread), then {@code done} hears whether it can register. */
    public void check(Consumer<Boolean> done) {
        thread.execute(() -> {
            poll();
            done.accept(ready());
        });
    }

    private void poll() {
        try {
            if (!journal.fiscal().openIntents().isEmpty()) {
                registrar.recover();
                if (!journal.fiscal().openIntents().isEmpty()) {
                    setFault("fiscal register: a registration is still unresolved");
                    return;
                }
            }
            setFault(registrar.prepare());
        } catch (DeviceException e) {
            setFault("fiscal register: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("fiscal status check crashed", e);
            setFault("fiscal register: status check failed: " + e);
        }
    }

    private void setFault(String now) {
        String before = fault;
        fault = now;
        if (before == null ? now != null : !before.equals(now)) {
            log.info("fiscal register {}", now == null ? "ready" : "out of service: " + now);
            faultListener.accept(now);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("fiscal register still busy at close; an open intent is resolved at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        register.close();
    }
}
