package org.topupkiosk.fleet.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetKeys;

/**
 * The checks a command passes before the kiosk obeys it, in this order: it is a command at all, the office's key
 * verifies its signature, it is addressed to this kiosk, {@code issuedAt <= now + skew} and {@code now < expiresAt},
 * its id was never seen before (remembered in the journal, so also across restarts; only signed ids are remembered),
 * its type is known and its arguments are what the type needs. The first check that fails names the refusal.
 */
public final class CommandGate {

    public static final String BAD_SIGNATURE = "bad_signature";
    public static final String EXPIRED = "expired";
    public static final String REPLAYED = "replayed";
    public static final String WRONG_KIOSK = "wrong_kiosk";
    public static final String UNKNOWN_TYPE = "unknown_type";
    public static final String BAD_ARGUMENTS = "bad_arguments";
    public static final String BAD_CATALOG = "bad_catalog";

    /** How far ahead of the kiosk's clock the office's may be. */
    public static final Duration SKEW = Duration.ofSeconds(60);
    /** The longest text the office may put on the kiosk's screen. */
    public static final int MAX_REASON = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The gate's answer: the command to obey, or why not (with the command's id when it could be read). */
    public record Verdict(String commandId, String type, CommandMessage command, String refusal) {
        public boolean obeyed() {
            return refusal == null;
        }
    }

    private final String kioskId;
    private final PublicKey officeKey;
    private final Clock clock;
    /** Remembers a signed command id: true the first time (TelemetryJournal::firstSight). */
    private final BiPredicate<String, String> firstSight;

    public CommandGate(String kioskId, PublicKey officeKey, Clock clock, BiPredicate<String, String> firstSight) {
        this.kioskId = kioskId;
        this.officeKey = officeKey;
        this.clock = clock;
        this.firstSight = firstSight;
    }

    /** Checks one payload from the command topic; never throws for anything the payload holds. */
    public Verdict check(byte[] payload) {
        CommandMessage c;
        try {
            c = FleetJson.read(payload, CommandMessage.class);
        } catch (FleetJson.BadFleetMessage e) {
            return new Verdict(idOf(payload), null, null, BAD_ARGUMENTS);
        }
        if (!FleetKeys.verify(c, officeKey)) {
            return refuse(c, BAD_SIGNATURE);
        }
        if (!c.kioskId().equals(kioskId)) {
            return refuse(c, WRONG_KIOSK);
        }
        Instant now = clock.instant();
        if (c.issuedAt().isAfter(now.plus(SKEW)) || !now.isBefore(c.expiresAt())) {
            return refuse(c, EXPIRED);
        }
        if (!firstSight.test(c.id(), c.type())) {
            return refuse(c, REPLAYED);
        }
        if (!CommandMessage.TYPES.contains(c.type())) {
            return refuse(c, UNKNOWN_TYPE);
        }
        return argumentsOk(c) ? new Verdict(c.id(), c.type(), c, null) : refuse(c, BAD_ARGUMENTS);
    }

    private static boolean argumentsOk(CommandMessage c) {
        Map<String, String> a = c.args();
        return switch (c.type()) {
            case CommandMessage.OUT_OF_SERVICE -> a.keySet().equals(Set.of("reason"))
                    && !a.get("reason").isBlank() && a.get("reason").length() <= MAX_REASON
                    && a.get("reason").codePoints().noneMatch(Character::isISOControl);
            case CommandMessage.CATALOG -> a.keySet().equals(Set.of("catalog")) && !a.get("catalog").isBlank();
            default -> a.isEmpty();
        };
    }

    private static Verdict refuse(CommandMessage c, String why) {
        return new Verdict(c.id(), c.type(), null, why);
    }

    /** The id of a payload that is not a command, when it has a readable one, for the acknowledgement. */
    private static String idOf(byte[] payload) {
        try {
            if (payload != null && payload.length <= FleetJson.MAX_BYTES) {
                JsonNode id = JSON.readTree(payload).get("id");
                if (id != null && id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 128) {
                    return id.asText();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: no id to answer to
        }
        return "?";
    }
}
