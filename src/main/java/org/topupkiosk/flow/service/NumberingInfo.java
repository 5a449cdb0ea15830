package org.topupkiosk.flow.service;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The numbering plan the kiosk started with, for the service menu.
 *
 * @param date   the registry's date, when the plan was imported with {@code kioskctl numbering import}; else empty
 * @param file   the imported file's name (empty when not imported)
 * @param rows   the imported file's data rows (0 when not imported)
 * @param ranges the ranges in the plan
 */
public record NumberingInfo(Optional<LocalDate> date, String file, int rows, int ranges) {

    public boolean imported() {
        return date.isPresent();
    }
}
