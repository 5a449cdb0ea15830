package org.topupkiosk.fleet;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event on {@code <prefix>/<kioskId>/events}, QoS 1, sent from the kiosk's telemetry outbox: delivered at least
 * once, so the office deduplicates by {@code id}, which the kiosk makes once when it journals the event and never
 * changes.
 *
 * <p>Kinds and their {@code data} (all values strings, amounts in minor units):
 * <ul>
 *   <li>{@code payment}: txnId, msisdn (masked, "+7 916 ***-**-67"), amountMinor, currency, outcome
 *       ({@code confirmed}, {@code refused}, {@code pending}), service;</li>
 *   <li>{@code encashment}: notes, amountMinor, currency;</li>
 *   <li>{@code door}, {@code cash_box}: state ({@code open}/{@code closed}, {@code removed}/{@code inserted});</li>
 *   <li>{@code device_fault}: device, state, detail;</li>
 *   <li>{@code alarm}: code, detail;</li>
 *   <li>{@code command}: commandId, type, status (audit of a remote command, also refused ones).</li>
 * </ul>
 */
public record EventMessage(String id, String kioskId, String kind, Instant at, Map<String, String> data) {

    public static final Set<String> KINDS = Set.of("payment", "encashment", "door", "cash_box", "device_fault", "alarm",
            "command");

    public EventMessage {
        if (id == null || id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("event: id is 1 to 128 characters, got '" + id + "'");
        }
        if (!FleetTopics.validKioskId(kioskId)) {
            throw new IllegalArgumentException("event: bad kioskId '" + kioskId + "'");
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("event: kind is one of " + KINDS + ", got '" + kind + "'");
        }
        Objects.requireNonNull(at, "event: at");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
