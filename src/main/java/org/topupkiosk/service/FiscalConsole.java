package org.topupkiosk.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.flow.fiscalshift.FiscalShifts;
import org.topupkiosk.flow.fiscalshift.ShiftReading;
import org.topupkiosk.flow.service.FiscalDone;
import org.topupkiosk.flow.service.FiscalInfo;

/**
 * The service menu's fiscal section: status and warnings, X report, Z report and a copy of the last fiscal document.
 * Every call goes through the {@link FiscalShifts} keeper (so it never meets a registration or the quiet hour's Z
 * report half-way) on a thread of its own, and answers the service port's records.
 */
public final class FiscalConsole implements AutoCloseable {

    private final FiscalShifts shifts;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "service-fiscal");
        t.setDaemon(true);
        return t;
    });

    /** @param zone the register's time zone (its dates are local) */
    public FiscalConsole(FiscalShifts shifts, Clock clock, ZoneId zone) {
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Asks the register now; when it does not answer, the last reading with the error. */
    public CompletableFuture<FiscalInfo> info() {
        return CompletableFuture.supplyAsync(this::read, worker);
    }

    public CompletableFuture<FiscalDone> run(FiscalDone.Action action) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<String> problem = Optional.empty();
            try {
                switch (action) {
                    case X_REPORT -> shifts.run("X report", r -> {
                        r.xReport();
                        return null;
                    });
                    case Z_REPORT -> shifts.closeNow();
                    case REPRINT_LAST -> shifts.run("reprint of the last document", r -> {
                        r.reprintLastDocument();
                        return null;
                    });
                }
            } catch (DeviceException | RuntimeException e) {
                problem = Optional.of(String.valueOf(e.getMessage()));
            }
            return new FiscalDone(action, problem.isEmpty(), problem, read());
        }, worker);
    }

    private FiscalInfo read() {
        try {
            shifts.status();
        } catch (DeviceException | RuntimeException e) {
            // the reading keeps the last answer and now the error
        }
        return info(shifts.reading(), clock, zone);
    }

    /** The menu's view of a reading: the last status, its age now, and the warnings it calls for. */
    static FiscalInfo info(ShiftReading reading, Clock clock, ZoneId zone) {
        Optional<String> error = reading.error();
        if (reading.status().isEmpty()) {
            return new FiscalInfo(true, Optional.of(error.orElse("no answer yet")), false, 0, Duration.ZERO, "",
                    Optional.empty(), 0, 0, Duration.ZERO, FiscalInfo.Paper.UNKNOWN,
                    FiscalInfo.warnings(true, Optional.empty(), 0, 0, Duration.ZERO, FiscalInfo.Paper.UNKNOWN));
        }
        FiscalStatus s = reading.status().get();
        Duration age = s.shiftOpen() ? s.shiftOpenedAt()
                .map(t -> Duration.between(t.atZone(zone).toInstant(), clock.instant())).orElse(Duration.ZERO)
                : Duration.ZERO;
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(zone)), s.fnValidUntil());
        Duration unsentAge = s.oldestUnsent().map(t -> Duration.between(t.atZone(zone).toInstant(), clock.instant()))
                .orElse(Duration.ZERO);
        FiscalInfo.Paper paper = FiscalInfo.Paper.valueOf(s.paper().name());
        return new FiscalInfo(true, error, s.shiftOpen(), s.shiftNumber(), age.isNegative() ? Duration.ZERO : age,
                s.fnSerial(), Optional.of(s.fnValidUntil()), daysLeft, s.unsentDocuments(), unsentAge, paper,
                FiscalInfo.warnings(error.isPresent(), Optional.of(s.fnValidUntil()), daysLeft, s.unsentDocuments(),
                        unsentAge, paper));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
