package org.topupkiosk.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.OutboxStatus;
import org.topupkiosk.journal.StoredReceipt;
import org.topupkiosk.journal.VerifyReport;

/**
 * The service menu's one way into the kiosk, so no screen touches a device, the journal or the network. Every call that
 * may block (a PIN hash, a device status, a journal read, a print) runs on the console's own thread or the printer's,
 * never the caller's, and answers with an immutable record in a future. Commands to the flow are posted, as the
 * customer screens post theirs.
 */
public final class ServiceConsole implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceConsole.class);
    private static final int RECENT_RECEIPTS = 20;

    /**
     * What the console works with. {@code syncNow} wakes the outbox dispatcher; {@code devices} are the health checks
     * of devices other than the printer (whose status is asked on the printer's thread, through the desk);
     * {@code exit} closes the application.
     */
    public record Parts(ServicePin pin, Journal journal, Runnable syncNow, List<Supplier<DeviceHealth>> devices,
                        ReceiptDesk desk, Consumer<FlowCommand> flow, Runnable exit) {
        public Parts {
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(syncNow, "syncNow");
            devices = List.copyOf(devices);
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(exit, "exit");
        }
    }

    /** One line of the receipts list: what it is and whether it came out; the body stays in the journal. */
    public record ReceiptRow(String receiptId, String txnId, String kind, Instant createdAt, boolean printed) {
        static ReceiptRow of(StoredReceipt r) {
            return new ReceiptRow(r.receiptId(), r.txnId(), r.kind(), r.createdAt(), r.printed());
        }
    }

    /** Unprinted receipts first (oldest first: those customers are owed), then the most recent printed ones. */
    public record Receipts(List<ReceiptRow> unprinted, List<ReceiptRow> recent) {
        public Receipts {
            unprinted = List.copyOf(unprinted);
            recent = List.copyOf(recent);
        }
    }

    /** Cuts a hung bill acceptor's power for a moment through the cabinet relay; true when the pulse ran. */
    @FunctionalInterface
    public interface PowerCycle {
        CompletableFuture<Boolean> pulse(String reason) throws Exception;
    }

    private final Parts parts;
    private final PowerCycle powerCycle;
    private final List<DeviceTest> tests;
    private final ExecutorService testThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "service-device-test");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "service-console");
        t.setDaemon(true);
        return t;
    });

    public ServiceConsole(Parts parts) {
        this(parts, List.of(), null);
    }

    /** @param powerCycle the cabinet relay in front of the bill acceptor's power, or null without GPIO */
    public ServiceConsole(Parts parts, PowerCycle powerCycle) {
        this(parts, List.of(), powerCycle);
    }

    /** With the device tests the menu lists (bill acceptor, printer; scanner, SIM reader and GPIO plug in here). */
    public ServiceConsole(Parts parts, List<DeviceTest> tests) {
        this(parts, tests, null);
    }

    /**
     * @param tests      the device tests the menu lists
     * @param powerCycle the cabinet relay in front of the bill acceptor's power, or null without GPIO
     */
    public ServiceConsole(Parts parts, List<DeviceTest> tests, PowerCycle powerCycle) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.tests = List.copyOf(tests);
        this.powerCycle = powerCycle;
    }

    /** The devices that have a test, in the menu's order. */
    public List<String> deviceTests() {
        return tests.stream().map(DeviceTest::device).toList();
    }

    /**
     * Runs one device's test on the test thread (one at a time: two tests on one unit would fight), reporting lines to
     * {@code progress} as they come; completes with whether it passed. Journaled as {@code service_device_test}.
     */
    public CompletableFuture<Boolean> runDeviceTest(String device, Lang lang, Consumer<String> progress) {
        DeviceTest test = tests.stream().filter(t -> t.device().equals(device)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test for device " + device));
        return CompletableFuture.supplyAsync(() -> {
            boolean passed;
            try {
                passed = test.run(lang, progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (RuntimeException e) {
                log.warn("device test failed device={}", device, e);
                progress.accept("failed: " + e);
                passed = false;
            }
            parts.journal().audit("service_device_test", null, "{\"device\":\"" + device + "\",\"passed\":"
                    + passed + "}");
            return passed;
        }, testThread);
    }

    // Queries

    /** Whether the PIN gate can be used at all; when not, the reason for the screen (no file, bad file). */
    public CompletableFuture<ServicePin.Availability> pinAvailability() {
        return async(parts.pin()::availability);
    }

    /** Time left on a PIN lockout; zero when none. Does not block. */
    public Duration lockedFor() {
        return parts.pin().lockedFor();
    }

    public CompletableFuture<List<DeviceHealth>> devices() {
        List<CompletableFuture<DeviceHealth>> checks = new ArrayList<>();
        for (Supplier<DeviceHealth> d : parts.devices()) {
            checks.add(async(() -> safeHealth(d)));
        }
        checks.add(parts.desk().printerHealth()
                .exceptionally(e -> new DeviceHealth("printer", DeviceHealth.State.FAILED, String.valueOf(e))));
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(v -> checks.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Audit kinds the flow writes for the devices: the bill acceptor's power-up with a note inside, faults, recovery;
     * the cabinet's door and cash-box switches and relay pulses (GPIO); the kiosk's own out-of-service events.
     */
    static final List<String> DEVICE_EVENT_KINDS = List.of("acceptor_powerup_with_bill", "acceptor_fault",
            "acceptor_recovered", "door_opened", "door_closed", "cash_box_removed", "cash_box_inserted",
            "unlocked_with_door_open", "relay_pulse",
            // Issue 12: the kiosk out of service on its own (journal writes back, internal errors) shows here too.
            "journal_write_recovered", "internal_error", "internal_error_cleared");

    /** The newest device events from the journal, newest first, so a technician sees what happened while away. */
    public CompletableFuture<List<AuditEntry>> deviceEvents() {
        return async(() -> parts.journal().recentAudit(DEVICE_EVENT_KINDS, 10));
    }

    public CompletableFuture<OutboxStatus> outbox() {
        return async(parts.journal().outbox()::status);
    }

    public CompletableFuture<VerifyReport> verify() {
        return async(() -> {
            VerifyReport report = parts.journal().verify();
            parts.journal().audit("service_journal_verify", null, "{\"ok\":" + report.ok() + ",\"violations\":"
                    + report.violations().size() + "}");
            return report;
        });
    }

    public CompletableFuture<Receipts> receipts() {
        return async(() -> {
            List<ReceiptRow> unprinted = parts.journal().unprintedReceipts().stream().map(ReceiptRow::of).toList();
            Map<String, ReceiptRow> recent = new LinkedHashMap<>();
            for (StoredReceipt r : parts.journal().recentReceipts(RECENT_RECEIPTS)) {
                if (r.printed()) {
                    recent.put(r.receiptId(), ReceiptRow.of(r));
                }
            }
            return new Receipts(unprinted, new ArrayList<>(recent.values()));
        });
    }

    /** What the cash box holds: the notes stacked since the last encashment, by denomination. */
    public CompletableFuture<Encashment> cashBox() {
        return async(parts.journal()::cashBoxCount);
    }

    /** The newest encashment, or null when none was made. */
    public CompletableFuture<Encashment> lastEncashment() {
        return async(() -> parts.journal().lastEncashment().orElse(null));
    }

    /** An encashment as journaled, and whether its report came out of the printer. */
    public record Encashed(Encashment encashment, boolean printed) {}

    // Commands

    /**
     * Empties the cash box: journals the encashment first (the counters start again after it), then prints the report
     * in {@code lang}. A failed print loses nothing: {@link #reprintEncashment} prints the journaled one again.
     */
    public CompletableFuture<Encashed> encash(Lang lang, String by) {
        return async(() -> parts.journal().encash(by)).thenCompose(e -> printEncashment(e, lang));
    }

    /** The last encashment's report again (after a paper-out or a crash before it printed); empty when none. */
    public CompletableFuture<Optional<Encashed>> reprintEncashment(Lang lang) {
        return async(parts.journal()::lastEncashment).thenCompose(last -> last.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<Encashed>empty())
                : printEncashment(last.get(), lang).thenApply(Optional::of));
    }

    private CompletableFuture<Encashed> printEncashment(Encashment e, Lang lang) {
        CompletableFuture<Encashed> done = new CompletableFuture<>();
        async(() -> {
            parts.desk().printStored(EncashmentReport.compose(parts.desk().layouts(), e, parts.journal().auditHead(),
                            lang), null, "encashment",
                    ok -> done.complete(new Encashed(e, ok)));
            return null;
        }).exceptionally(err -> {
            done.completeExceptionally(err);
            return null;
        });
        return done;
    }

    /** Checks a typed PIN (slow on purpose); the PIN array is wiped afterwards. */
    public CompletableFuture<ServicePin.Attempt> login(char[] pin) {
        char[] copy = pin.clone();
        Arrays.fill(pin, '\0');
        return async(() -> {
            try {
                return parts.pin().check(copy);
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    /** Wakes the outbox dispatcher, then reports the outbox as it stands. */
    public CompletableFuture<OutboxStatus> syncNow() {
        log.info("service sync now");
        parts.syncNow().run();
        return outbox();
    }

    /** A test page through the kiosk's printer, between customer receipts; true when it came out. */
    public CompletableFuture<Boolean> printTest(Lang lang) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        parts.desk().printTest(lang, done::complete);
        return done;
    }

    /** Prints a stored receipt again; true when it came out (an unprinted one is then marked printed). */
    public CompletableFuture<Boolean> reprint(String receiptId) {
        return async(() -> parts.journal().receipt(receiptId).orElseThrow(() ->
                new IllegalArgumentException("no receipt " + receiptId))).thenCompose(stored -> {
                    CompletableFuture<Boolean> done = new CompletableFuture<>();
                    parts.journal().audit("service_reprint", stored.txnId(), "{\"receipt\":\"" + receiptId + "\"}");
                    parts.desk().reprint(stored, done::complete);
                    return done;
                });
    }

    /** Whether the bill acceptor can be power-cycled from the menu (the cabinet has a relay on GPIO). */
    public boolean canPowerCycle() {
        return powerCycle != null;
    }

    /** Power-cycles the bill acceptor through the relay (journaled as {@code relay_pulse}); false when refused. */
    public CompletableFuture<Boolean> powerCycleAcceptor() {
        if (powerCycle == null) {
            return CompletableFuture.completedFuture(false);
        }
        log.warn("service power-cycle of the bill acceptor");
        try {
            return powerCycle.pulse("service menu: bill acceptor");
        } catch (Exception e) {
            log.error("power-cycle failed", e);
            return CompletableFuture.completedFuture(false);
        }
    }

    /** The PIN pad opened over the customer's screen; their session stays (see {@code FlowCommand.ServicePad}). */
    public void servicePadOpened() {
        parts.flow().accept(new FlowCommand.ServicePad(true));
    }

    /** The PIN pad closed without a login. */
    public void servicePadClosed() {
        parts.flow().accept(new FlowCommand.ServicePad(false));
    }

    /** Takes the kiosk out of customer use; with cash in a session the flow first prints the customer a voucher. */
    public void lockCustomers() {
        parts.flow().accept(new FlowCommand.Lock("service"));
    }

    public void unlockCustomers() {
        parts.flow().accept(new FlowCommand.Unlock());
    }

    /** Closes the application: the only way out of the kiosk. */
    public void exitApplication() {
        log.warn("service exit requested");
        async(() -> {
            parts.journal().audit("service_exit", null, "{}");
            return null;
        }).whenComplete((v, e) -> parts.exit().run());
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, worker);
    }

    private static DeviceHealth safeHealth(Supplier<DeviceHealth> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return new DeviceHealth("device", DeviceHealth.State.FAILED, e.toString());
        }
    }

    @Override
    public void close() {
        testThread.shutdownNow();
        worker.shutdownNow();
    }
}
