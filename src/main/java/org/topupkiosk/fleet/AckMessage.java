package org.topupkiosk.fleet;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The kiosk's answer to a command on {@code <prefix>/<kioskId>/cmd/ack}, QoS 1.
 *
 * @param status {@code done} (obeyed), {@code waiting} (accepted, obeyed when the customer now paying has finished)
 *               or {@code refused}
 * @param reason for {@code refused}: {@code bad_signature}, {@code expired}, {@code replayed}, {@code wrong_kiosk},
 *               {@code unknown_type}, {@code bad_arguments} or {@code bad_catalog}; otherwise null or a short note
 */
public record AckMessage(String commandId, String kioskId, String status, String reason, Instant at) {

    public static final String DONE = "done";
    public static final String WAITING = "waiting";
    public static final String REFUSED = "refused";
    public static final Set<String> STATUSES = Set.of(DONE, WAITING, REFUSED);

    public AckMessage {
        Objects.requireNonNull(commandId, "ack: commandId");
        if (!FleetTopics.validKioskId(kioskId)) {
            throw new IllegalArgumentException("ack: bad kioskId '" + kioskId + "'");
        }
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("ack: status is one of " + STATUSES + ", got '" + status + "'");
        }
        Objects.requireNonNull(at, "ack: at");
    }
}
