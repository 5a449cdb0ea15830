package org.topupkiosk.health;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.journal.Encashment;

/**
 * The kiosk's Prometheus metrics, all named {@code kiosk_...}, registered once in a registry of their own (never the
 * client's default one, so two kiosks in one test JVM do not meet). Each scrape takes one {@link KioskSample} and one
 * health answer, and every gauge reads that same reading, so the numbers of one scrape belong together.
 * docs/operations.md ("Health and metrics") says what each one means.
 */
public final class KioskMetrics {

    /** What the text format is served as. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private record Reading(KioskSample sample, boolean inService, double heartbeatAgeSeconds,
                           Optional<FiscalHealth.Reading> fiscal) {}

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final AtomicReference<Reading> now = new AtomicReference<>();
    private final HealthStatus status;
    private final Supplier<KioskSample> probe;
    private final Supplier<Double> heartbeatAge;
    private final Supplier<Optional<FiscalHealth.Reading>> fiscal;

    /**
     * @param status       what {@code /health} answers ({@code kiosk_in_service})
     * @param probe        a fresh reading per scrape
     * @param heartbeatAge seconds since the flow thread's last heartbeat, or null when there is no flow (left out)
     */
    public KioskMetrics(HealthStatus status, Supplier<KioskSample> probe, Supplier<Double> heartbeatAge) {
        this(status, probe, heartbeatAge, Optional::empty);
    }

    /** @param fiscal the fiscal register's reading ({@link FiscalHealth#reading()}); empty leaves its metrics out */
    public KioskMetrics(HealthStatus status, Supplier<KioskSample> probe, Supplier<Double> heartbeatAge,
                        Supplier<Optional<FiscalHealth.Reading>> fiscal) {
        this.status = status;
        this.probe = probe;
        this.heartbeatAge = heartbeatAge;
        this.fiscal = fiscal;
        gauge("kiosk_in_service", "1 while the kiosk sells; 0 while /health answers 503 with the reason",
                (r, cb) -> cb.call(r.inService() ? 1 : 0));
        gauge("kiosk_uptime_seconds", "Seconds since the kiosk process started",
                (r, cb) -> cb.call(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        gauge("kiosk_flow_heartbeat_age_seconds", "Seconds since the flow thread last ran its heartbeat task",
                (r, cb) -> {
                    if (!Double.isNaN(r.heartbeatAgeSeconds())) {
                        cb.call(r.heartbeatAgeSeconds());
                    }
                });
        gauge("kiosk_device_state", "1 for the state each device reports (ok, degraded, failed, offline), 0 for the"
                + " others", (r, cb) -> {
                    Set<String> seen = new HashSet<>();
                    for (DeviceHealth d : r.sample().devices()) {
                        if (!seen.add(label(d.device()))) {
                            continue; // two drivers of one name: the first speaks for it
                        }
                        for (DeviceHealth.State s : DeviceHealth.State.values()) {
                            cb.call(d.state() == s ? 1 : 0, label(d.device()), s.name().toLowerCase(Locale.ROOT));
                        }
                    }
                }, "device", "state");
        gauge("kiosk_printer_paper", "1 for the receipt printer's paper state (ok, near_end, out, unknown), 0 for the"
                + " others", (r, cb) -> {
                    for (KioskSample.Paper p : KioskSample.Paper.values()) {
                        cb.call(r.sample().paper() == p ? 1 : 0, p.label());
                    }
                }, "state");
        gauge("kiosk_cashbox_notes", "Notes in the cash box since the last encashment, from the journal",
                (r, cb) -> r.sample().cashBox().ifPresent(c -> cb.call(c.noteCount())));
        gauge("kiosk_cashbox_amount_minor", "Money in the cash box since the last encashment, in kopecks",
                (r, cb) -> r.sample().cashBox().ifPresent(c -> cb.call(c.total().minor())));
        gauge("kiosk_cashbox_denomination_notes", "Notes in the cash box by denomination (kopecks)",
                (r, cb) -> r.sample().cashBox().ifPresent(c -> {
                    for (Encashment.NoteCount n : c.notes()) {
                        cb.call(n.count(), Long.toString(n.note().minor()));
                    }
                }), "denomination_minor");
        gauge("kiosk_outbox_pending", "Payments waiting to reach the carrier",
                (r, cb) -> r.sample().outbox().ifPresent(o -> cb.call(o.pendingCount())));
        gauge("kiosk_outbox_oldest_age_seconds", "Age of the oldest payment waiting for the carrier (0 when none)",
                (r, cb) -> r.sample().outbox().ifPresent(o -> cb.call(o.oldestPendingAge().toMillis() / 1000.0)));
        gauge("kiosk_outbox_conflicts", "Payments in CONFLICT: the carrier holds their id for another payment",
                (r, cb) -> r.sample().outbox().ifPresent(o -> cb.call(o.conflictCount())));
        gauge("kiosk_journal_size_bytes", "Size of the journal file and its write-ahead log",
                (r, cb) -> r.sample().journalBytes().ifPresent(b -> cb.call(b)));
        gauge("kiosk_last_payment_age_seconds", "Seconds since the last payment was journaled (absent before the"
                + " first)", (r, cb) -> r.sample().lastPaymentAge().ifPresent(a -> cb.call(a.toMillis() / 1000.0)));
        fiscalGauges();
    }

    private void fiscalGauges() {
        gauge("kiosk_fiscal_unsent_documents", "Fiscal documents the fiscal data operator has not acknowledged",
                (r, cb) -> r.fiscal().ifPresent(f -> cb.call(f.unsentDocuments())));
        gauge("kiosk_fiscal_shift_age_seconds", "Seconds since the open fiscal shift began (absent with none open;"
                + " the law's limit is 86400)",
                (r, cb) -> r.fiscal().flatMap(FiscalHealth.Reading::shiftAge).ifPresent(a -> cb.call(a.toSeconds())));
        gauge("kiosk_fiscal_fn_days_left", "Days until the fiscal storage (FN) stops signing; warn below 30",
                (r, cb) -> r.fiscal().ifPresent(f -> cb.call(f.fnDaysLeft())));
    }

    /** Reads the kiosk once and writes every metric in the Prometheus text format. */
    public synchronized void writeTo(OutputStream out) throws IOException {
        Double beat = heartbeatAge == null ? null : heartbeatAge.get();
        now.set(new Reading(probe.get(), status.outOfService().isEmpty(), beat == null ? Double.NaN : beat,
                fiscal.get()));
        writer.write(out, registry.scrape());
    }

    private void gauge(String name, String help, BiConsumer<Reading, GaugeWithCallback.Callback> read,
                       String... labels) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(labels)
                .callback(cb -> {
                    Reading r = now.get();
                    if (r != null) {
                        read.accept(r, cb);
                    }
                })
                .register(registry);
    }

    /** A device name as a label value: bill-acceptor becomes bill_acceptor. */
    static String label(String device) {
        return device.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
