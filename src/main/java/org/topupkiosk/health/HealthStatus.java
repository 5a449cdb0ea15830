package org.topupkiosk.health;

import java.util.List;

/** What {@code /health} answers: empty while the kiosk sells, else why not (English, for the technician). */
@FunctionalInterface
public interface HealthStatus {

    /** Why the kiosk takes no customers now, one reason a line; empty while it sells. Never blocks. */
    List<String> outOfService();
}
