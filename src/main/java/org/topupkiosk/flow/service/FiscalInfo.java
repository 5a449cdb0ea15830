package org.topupkiosk.flow.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fiscal register as the service menu shows it (docs/fiscal.md, "Warnings").
 *
 * @param configured   a register is configured ({@code fiscal.register} is not none)
 * @param error        the register's last failure, empty when its last call worked
 * @param shiftOpen    a shift is open
 * @param shiftNumber  the open shift's number, or the last closed one's
 * @param shiftAge     how long the open shift has run; zero when none is open
 * @param fnSerial     the fiscal storage's serial number ("" before the first answer)
 * @param fnValidUntil the last day the storage may sign documents; empty before the first answer
 * @param fnDaysLeft   days until then
 * @param unsent       documents the fiscal data operator has not acknowledged
 * @param oldestUnsent how long the oldest of them has waited; zero when none
 * @param paper        the register's paper
 * @param warnings     what needs the technician, most urgent first
 */
public record FiscalInfo(boolean configured, Optional<String> error, boolean shiftOpen, int shiftNumber,
                         Duration shiftAge, String fnSerial, Optional<LocalDate> fnValidUntil, long fnDaysLeft,
                         int unsent, Duration oldestUnsent, Paper paper, List<Warning> warnings) {

    public enum Paper { OK, NEAR_END, OUT, UNKNOWN }

    /** What the service menu warns about. */
    public enum Warning { REGISTER_FAILED, FN_EXPIRED, FN_EXPIRING, UNSENT_OVER_24H, PAPER_OUT, PAPER_NEAR_END }

    /** An FN this close to its end needs replacing (and the register re-registering) soon. */
    public static final long FN_WARN_DAYS = 30;
    /** Documents waiting longer than this mean the link to the fiscal data operator is down. */
    public static final Duration UNSENT_WARN_AGE = Duration.ofHours(24);

    /** No register configured. */
    public static final FiscalInfo NONE = new FiscalInfo(false, Optional.empty(), false, 0, Duration.ZERO, "",
            Optional.empty(), 0, 0, Duration.ZERO, Paper.UNKNOWN, List.of());

    public FiscalInfo {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(shiftAge, "shiftAge");
        Objects.requireNonNull(fnSerial, "fnSerial");
        Objects.requireNonNull(fnValidUntil, "fnValidUntil");
        Objects.requireNonNull(oldestUnsent, "oldestUnsent");
        Objects.requireNonNull(paper, "paper");
        warnings = List.copyOf(warnings);
    }

    /** The warnings these readings call for, most urgent first. */
    public static List<Warning> warnings(boolean failed, Optional<LocalDate> fnValidUntil, long fnDaysLeft, int unsent,
                                         Duration oldestUnsent, Paper paper) {
        List<Warning> out = new ArrayList<>();
        if (failed) {
            out.add(Warning.REGISTER_FAILED);
        }
        if (fnValidUntil.isPresent() && fnDaysLeft < 0) {
            out.add(Warning.FN_EXPIRED);
        } else if (fnValidUntil.isPresent() && fnDaysLeft < FN_WARN_DAYS) {
            out.add(Warning.FN_EXPIRING);
        }
        if (unsent > 0 && oldestUnsent.compareTo(UNSENT_WARN_AGE) > 0) {
            out.add(Warning.UNSENT_OVER_24H);
        }
        if (paper == Paper.OUT) {
            out.add(Warning.PAPER_OUT);
        } else if (paper == Paper.NEAR_END) {
            out.add(Warning.PAPER_NEAR_END);
        }
        return out;
    }
}
