package org.topupkiosk.health;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.topupkiosk.device.fiscal.FiscalStatus;

/**
 * The fiscal register beside the other health facts, from the shift keeper's last reading (never the register's line:
 * a scrape does not wait on a Z report). {@code /health} gets a reason when the register cannot register (its last
 * call failed, its FN has expired, its shift ran over 24 hours); {@code /metrics} gets
 * {@code kiosk_fiscal_unsent_documents}, {@code kiosk_fiscal_shift_age_seconds} and {@code kiosk_fiscal_fn_days_left}.
 */
public final class FiscalHealth {

    /** What /metrics shows of the register; shift age is absent while no shift is open. */
    public record Reading(int unsentDocuments, Optional<Duration> shiftAge, long fnDaysLeft) {}

    private final Supplier<Optional<FiscalStatus>> status;
    private final Supplier<Optional<String>> error;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param status the register's last status, empty before its first answer
     * @param error  its last call's failure, empty when that call worked
     * @param zone   the register's time zone (its times are local)
     */
    public FiscalHealth(Supplier<Optional<FiscalStatus>> status, Supplier<Optional<String>> error, Clock clock,
                        ZoneId zone) {
        this.status = status;
        this.error = error;
        this.clock = clock;
        this.zone = zone;
    }

    /** Why no sale can be registered now, one reason a line; empty while the register can. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        error.get().ifPresent(e -> out.add("fiscal register: " + e + " (no payment can be registered)"));
        reading().ifPresent(r -> {
            FiscalStatus s = status.get().orElseThrow();
            if (r.fnDaysLeft() < 0) {
                out.add("fiscal register: the FN expired on " + s.fnValidUntil() + " (replace it and re-register)");
            }
            r.shiftAge().filter(a -> a.compareTo(Duration.ofHours(24)) > 0).ifPresent(a -> out.add("fiscal register:"
                    + " shift " + s.shiftNumber() + " open for " + a.toHours() + " h (over 24 h: receipts are refused"
                    + " until a Z report)"));
        });
        return out;
    }

    /** The metrics' reading, empty before the register's first answer. */
    public Optional<Reading> reading() {
        return status.get().map(s -> new Reading(s.unsentDocuments(),
                s.shiftOpen() ? s.shiftOpenedAt().map(t -> Duration.between(t.atZone(zone).toInstant(),
                        clock.instant())) : Optional.empty(),
                ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(zone)), s.fnValidUntil())));
    }
}
