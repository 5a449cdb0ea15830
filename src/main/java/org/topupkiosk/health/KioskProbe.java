package org.topupkiosk.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.Journal;

/**
 * Reads a {@link KioskSample} for each scrape, on the health server's thread, never on the flow's. The journal is read
 * through its own lock like any reader (a few small queries). Devices report from their drivers' last state, except
 * the printer, whose status is asked on the printer's own thread between receipts: at most every
 * {@code printerEvery}, waited for at most {@code printerWait}, and otherwise its last answer stands, so a long
 * receipt never holds up a scrape.
 */
public final class KioskProbe implements Supplier<KioskSample> {

    private static final Logger log = LoggerFactory.getLogger(KioskProbe.class);

    /** The audit row of a payment handed to the outbox: a customer paid (kiosk or counter). */
    static final String PAYMENT_KIND = "order_submitted";

    private final Journal journal;
    private final List<Supplier<DeviceHealth>> devices;
    private final Supplier<CompletableFuture<DeviceHealth>> printer;
    private final Duration printerEvery;
    private final Duration printerWait;
    private final Clock clock;
    private volatile DeviceHealth lastPrinter;
    private volatile CompletableFuture<DeviceHealth> asking;
    private long askedAt = Long.MIN_VALUE;

    /**
     * @param devices  each device's health, cheap to ask (the drivers' last state)
     * @param printer  asks the printer's status on its own thread (null: no printer)
     */
    public KioskProbe(Journal journal, List<Supplier<DeviceHealth>> devices,
                      Supplier<CompletableFuture<DeviceHealth>> printer, Duration printerEvery, Duration printerWait,
                      Clock clock) {
        this.journal = journal;
        this.devices = List.copyOf(devices);
        this.printer = printer;
        this.printerEvery = printerEvery;
        this.printerWait = printerWait;
        this.clock = clock;
    }

    @Override
    public synchronized KioskSample get() {
        List<DeviceHealth> health = new ArrayList<>();
        for (Supplier<DeviceHealth> d : devices) {
            try {
                health.add(d.get());
            } catch (RuntimeException e) {
                log.warn("device health could not be read for /metrics", e);
            }
        }
        DeviceHealth p = printer == null ? null : printer();
        if (p != null) {
            health.add(p);
        }
        return new KioskSample(health, printer == null ? KioskSample.Paper.UNKNOWN : KioskSample.Paper.of(p),
                read("cash box", journal::cashBoxCount), read("outbox", () -> journal.outbox().status()),
                journalBytes(), read("last payment", this::lastPaymentAge).flatMap(x -> x));
    }

    private DeviceHealth printer() {
        long now = System.nanoTime();
        CompletableFuture<DeviceHealth> f = asking;
        if (f == null && (lastPrinter == null || now - askedAt >= printerEvery.toNanos())) {
            askedAt = now;
            try {
                f = printer.get();
            } catch (RuntimeException e) { // the printer's thread is gone: the core is closing
                return new DeviceHealth("printer", DeviceHealth.State.OFFLINE, "status not asked: " + e);
            }
            asking = f;
            f.whenComplete((h, e) -> {
                lastPrinter = h != null ? h : new DeviceHealth("printer", DeviceHealth.State.FAILED,
                        "status request failed: " + e);
                asking = null;
            });
        }
        if (f != null) {
            try {
                f.get(printerWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.debug("printer status not back within {} ms: its last answer stands", printerWait.toMillis());
            } catch (ExecutionException e) {
                log.debug("printer status request failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        DeviceHealth known = lastPrinter;
        return known != null ? known
                : new DeviceHealth("printer", DeviceHealth.State.OFFLINE, "no status answer yet");
    }

    private Optional<Duration> lastPaymentAge() {
        List<AuditEntry> last = journal.recentAudit(List.of(PAYMENT_KIND), 1);
        return last.stream().findFirst().map(e -> Duration.between(e.at(), clock.instant()));
    }

    private OptionalLong journalBytes() {
        Path db = journal.file();
        try {
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            return OptionalLong.of(Files.size(db) + (Files.exists(wal) ? Files.size(wal) : 0));
        } catch (IOException e) {
            log.warn("journal size could not be read for /metrics: {}", e.toString());
            return OptionalLong.empty();
        }
    }

    private <T> Optional<T> read(String what, Supplier<T> query) {
        try {
            return Optional.ofNullable(query.get());
        } catch (RuntimeException e) {
            log.warn("{} could not be read from the journal for /metrics: {}", what, e.toString());
            return Optional.empty();
        }
    }
}
