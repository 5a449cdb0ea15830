package org.topupkiosk.flow.fiscalshift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;

/**
 * Shift discipline for the fiscal register (docs/fiscal.md, "Shifts"): a shift opens by itself before the first sale;
 * it is closed with a Z report at the quiet hour, and in any case before its 24 hours run out ({@link ShiftPlan}); the
 * next one opens at once, or after the quiet hour when the Z report came in it (a sale in it opens one). A shift is never closed while a customer is paying: the check waits for the next quiet
 * moment. Every call that talks to the register is synchronized here, so a registration that goes through
 * {@link #beforeSale()} and {@link #sale} never meets a Z report half-way. Calls block on the register's line: run them
 * off the flow thread ({@link #start} runs the check on its own thread).
 */
public final class FiscalShifts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FiscalShifts.class);

    /** How often the shift is checked by {@link #start}. */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    /** The screens on which nobody is in a session: a shift may be closed there. */
    private static final Set<Screen> RESTING = EnumSet.of(Screen.IDLE, Screen.SERVICE_LOCK, Screen.OUT_OF_SERVICE);

    /** What a check did. */
    public enum Outcome {
        OPENED, CLOSED_AND_OPENED, CLOSED, WAITING_FOR_CUSTOMER, WAITING_FOR_OPEN_RECEIPT, NOTHING, FAILED
    }

    /** One register call under the keeper's lock. */
    @FunctionalInterface
    public interface RegisterCall<T> {
        T call(FiscalRegister register) throws DeviceException;
    }

    private final FiscalRegister register;
    private final ShiftPlan plan;
    private final Clock clock;
    private final BooleanSupplier customerPaying;
    private final String cashier;
    private final BiConsumer<String, String> audit;
    private volatile ShiftReading reading = ShiftReading.NONE;
    /** When this keeper opened the shift now open: used when the register does not report the opening time. */
    private Instant openedHere;
    private ScheduledExecutorService thread;

    /**
     * @param customerPaying true while a customer is between the first note and the receipt ({@link #paying})
     * @param cashier        the name shift documents carry (tag 1021): the kiosk's id
     * @param audit          journals a shift document: kind ({@code fiscal_shift_opened}, {@code fiscal_shift_closed})
     *                       and a JSON object
     */
    public FiscalShifts(FiscalRegister register, ShiftPlan plan, Clock clock, BooleanSupplier customerPaying,
                        String cashier, BiConsumer<String, String> audit) {
        this.register = Objects.requireNonNull(register, "register");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.customerPaying = Objects.requireNonNull(customerPaying, "customerPaying");
        this.cashier = Objects.requireNonNull(cashier, "cashier");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** A customer is paying: in a session (any screen but idle, service lock or out of service) or with money in. */
    public static boolean paying(FlowSnapshot s) {
        return !RESTING.contains(s.screen()) || s.cashInserted() != null && !s.cashInserted().isZero();
    }

    /** Runs {@link #check()} now and every {@code every} on a thread of its own. */
    public synchronized FiscalShifts start(Duration every) {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fiscal-shifts");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The register as last seen; never blocks. */
    public ShiftReading reading() {
        return reading;
    }

    /**
     * The periodic check: opens a shift when none is open, closes one that is due ({@link ShiftPlan#closeFrom}) when
     * no customer is paying and no receipt is left open, then opens the next. Failures are kept in {@link #reading()}
     * and logged; the next check tries again.
     */
    public synchronized Outcome check() {
        try {
            FiscalStatus s = status();
            Instant now = clock.instant();
            if (!s.shiftOpen()) {
                if (plan.inQuietHour(now)) {
                    return Outcome.NOTHING; // opened when the quiet hour ends, or before a sale
                }
                open("no shift open");
                return Outcome.OPENED;
            }
            Instant due = reading.closeFrom().orElse(now);
            if (now.isBefore(due)) {
                return Outcome.NOTHING;
            }
            if (customerPaying.getAsBoolean()) {
                log.info("fiscal shift={} due since {}: waiting for the customer to finish paying", s.shiftNumber(),
                        due);
                return Outcome.WAITING_FOR_CUSTOMER;
            }
            if (s.receiptOpen()) {
                log.warn("fiscal shift={} due since {}: a receipt is open in the register (restart recovery cancels"
                        + " it); not closing yet", s.shiftNumber(), due);
                return Outcome.WAITING_FOR_OPEN_RECEIPT;
            }
            close("due since " + due);
            if (plan.inQuietHour(now)) {
                status();
                return Outcome.CLOSED;
            }
            open("after the Z report");
            return Outcome.CLOSED_AND_OPENED;
        } catch (DeviceException | RuntimeException e) {
            failed("shift check", e);
            return Outcome.FAILED;
        }
    }

    /**
     * Before a receipt is registered: opens a shift when none is open, and closes one too old to take the receipt
     * (the register would refuse it; only after the kiosk was off through the whole closing window) before opening
     * the next. Answers the status the sale goes ahead with.
     */
    public synchronized FiscalStatus beforeSale() throws DeviceException {
        try {
            FiscalStatus s = status();
            Instant now = clock.instant();
            if (s.shiftOpen() && openedAt(s).map(o -> plan.expired(o, now)).orElse(false)) {
                close("over " + ShiftPlan.EXPIRED_AT_AGE.toHours() + " h before a sale");
                s = status();
            }
            if (!s.shiftOpen()) {
                open("before a sale");
                s = status();
            }
            return s;
        } catch (DeviceException | RuntimeException e) {
            failed("before a sale", e);
            throw e;
        }
    }

    /** {@link #beforeSale()}, then {@code call} (the registration) under the same lock. */
    public synchronized <T> T sale(RegisterCall<T> call) throws DeviceException {
        beforeSale();
        return run("sale", call);
    }

    /** The service menu's Z report: closes the open shift now (customers are locked out by the menu). */
    public synchronized FiscalDocument closeNow() throws DeviceException {
        try {
            FiscalDocument z = close("the service menu's Z report");
            status();
            return z;
        } catch (DeviceException | RuntimeException e) {
            failed("Z report", e);
            throw e;
        }
    }

    /** Any other register call (X report, reprint, status) under the keeper's lock; failures land in the reading. */
    public synchronized <T> T run(String what, RegisterCall<T> call) throws DeviceException {
        try {
            T result = call.call(register);
            reading = new ShiftReading(reading.status(), reading.readAt(), Optional.empty(), reading.closeFrom());
            return result;
        } catch (DeviceException | RuntimeException e) {
            failed(what, e);
            throw e;
        }
    }

    /** Asks the register for its status and remembers it. */
    public synchronized FiscalStatus status() throws DeviceException {
        FiscalStatus s = register.status();
        if (!s.shiftOpen()) {
            openedHere = null;
        }
        Optional<Instant> due = s.shiftOpen() ? Optional.of(openedAt(s).map(plan::closeFrom).orElseGet(() -> {
            log.warn("fiscal shift={} open since an unknown time: closing it at the first quiet moment",
                    s.shiftNumber());
            return clock.instant();
        })) : Optional.empty();
        reading = new ShiftReading(Optional.of(s), Optional.of(clock.instant()), Optional.empty(), due);
        return s;
    }

    /** When the open shift began: the register's word, else this keeper's own opening. */
    private Optional<Instant> openedAt(FiscalStatus s) {
        Optional<Instant> reported = s.shiftOpenedAt().map(t -> t.atZone(plan.zone()).toInstant());
        return reported.isPresent() ? reported : Optional.ofNullable(openedHere);
    }

    private void open(String why) throws DeviceException {
        FiscalDocument d = register.openShift(cashier);
        openedHere = d.dateTime().atZone(plan.zone()).toInstant();
        log.info("fiscal shift={} opened ({}): document {}", d.shiftNumber(), why, d.number());
        audit.accept("fiscal_shift_opened", json(d, why));
        status();
    }

    private FiscalDocument close(String why) throws DeviceException {
        FiscalDocument d = register.closeShift(cashier);
        openedHere = null;
        log.info("fiscal shift={} closed with a Z report ({}): document {}", d.shiftNumber(), why, d.number());
        audit.accept("fiscal_shift_closed", json(d, why));
        return d;
    }

    private static String json(FiscalDocument d, String why) {
        return "{\"shift\":" + d.shiftNumber() + ",\"document\":" + d.number() + ",\"fiscalSign\":" + d.fiscalSign()
                + ",\"fn\":\"" + d.fnSerial() + "\",\"at\":\"" + d.dateTime() + "\",\"why\":\""
                + why.replace("\"", "'") + "\"}";
    }

    private void failed(String what, Exception e) {
        log.warn("fiscal register: {} failed: {}", what, e.toString());
        reading = new ShiftReading(reading.status(), reading.readAt(), Optional.of(e.getMessage() == null
                ? e.toString() : e.getMessage()), reading.closeFrom());
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
