package org.topupkiosk.flow.service;

import java.util.Objects;
import java.util.Optional;

/**
 * What a fiscal action of the service menu did.
 *
 * @param action  the action
 * @param ok      it worked (the report printed, the shift closed, the copy printed)
 * @param problem the register's error when not
 * @param info    the register afterwards
 */
public record FiscalDone(Action action, boolean ok, Optional<String> problem, FiscalInfo info) {

    public enum Action { X_REPORT, Z_REPORT, REPRINT_LAST }

    public FiscalDone {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(info, "info");
    }
}
