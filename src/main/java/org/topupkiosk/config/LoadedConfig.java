package org.topupkiosk.config;

import java.util.Objects;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.NumberingPlan;

/** Everything the kiosk reads at start: settings, what it sells, and the number-range hints. */
public record LoadedConfig(KioskConfig config, Catalog catalog, NumberingPlan numbering) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(numbering, "numbering");
    }
}
