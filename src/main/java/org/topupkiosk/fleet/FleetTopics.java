package org.topupkiosk.fleet;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topics of one fleet under a prefix (default {@value #DEFAULT_PREFIX}):
 * <ul>
 *   <li>{@code <prefix>/<kioskId>/state}: retained {@link StateMessage}, also the Last Will with {@code online=false};</li>
 *   <li>{@code <prefix>/<kioskId>/events}: {@link EventMessage}, QoS 1;</li>
 *   <li>{@code <prefix>/<kioskId>/cmd}: {@link CommandMessage} from the office, QoS 1;</li>
 *   <li>{@code <prefix>/<kioskId>/cmd/ack}: {@link AckMessage} from the kiosk, QoS 1.</li>
 * </ul>
 * A kiosk id is what a broker ACL can name as a topic level: letters, digits, '-', '_' and '.', 1 to 64 characters.
 */
public record FleetTopics(String prefix) {

    public static final String DEFAULT_PREFIX = "topup";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}(/[A-Za-z0-9._-]{1,64}){0,3}");

    public FleetTopics {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a fleet topic prefix is one to four levels of letters, digits, '.', '_'"
                    + " or '-' without wildcards, got '" + prefix + "'");
        }
    }

    public static FleetTopics standard() {
        return new FleetTopics(DEFAULT_PREFIX);
    }

    /** True when {@code kioskId} can stand as a topic level (and in a broker ACL's {@code %c} or {@code %u}). */
    public static boolean validKioskId(String kioskId) {
        return kioskId != null && ID.matcher(kioskId).matches();
    }

    public String state(String kioskId) {
        return level(kioskId) + "/state";
    }

    public String events(String kioskId) {
        return level(kioskId) + "/events";
    }

    public String commands(String kioskId) {
        return level(kioskId) + "/cmd";
    }

    public String acks(String kioskId) {
        return level(kioskId) + "/cmd/ack";
    }

    /** Every kiosk's state, events and acks: what the office subscribes to. */
    public String[] officeFilters() {
        return new String[]{prefix + "/+/state", prefix + "/+/events", prefix + "/+/cmd/ack"};
    }

    /** The kind of message a topic carries and the kiosk it belongs to; empty for a topic outside this fleet. */
    public Optional<Route> route(String topic) {
        if (topic == null || !topic.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length() + 1);
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, slash);
        if (!validKioskId(id)) {
            return Optional.empty();
        }
        Kind kind = switch (rest.substring(slash + 1)) {
            case "state" -> Kind.STATE;
            case "events" -> Kind.EVENTS;
            case "cmd" -> Kind.COMMAND;
            case "cmd/ack" -> Kind.ACK;
            default -> null;
        };
        return kind == null ? Optional.empty() : Optional.of(new Route(id, kind));
    }

    private String level(String kioskId) {
        if (!validKioskId(kioskId)) {
            throw new IllegalArgumentException("a kiosk id in a fleet topic is 1 to 64 letters, digits, '.', '_' or"
                    + " '-', got '" + kioskId + "'");
        }
        return prefix + "/" + kioskId;
    }

    /** Which kiosk a message is about and what it is. */
    public record Route(String kioskId, Kind kind) {
    }

    public enum Kind { STATE, EVENTS, COMMAND, ACK }
}
