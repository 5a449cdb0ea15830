package org.topupkiosk.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kiosk's state on {@code <prefix>/<kioskId>/state}, retained: published on every change and at least every 60 s.
 * The Last Will on the same topic is the last state with {@code online=false} (see {@link #offline()}).
 *
 * @param kioskId     the kiosk
 * @param online      false only in the Last Will and in the kiosk's own goodbye at a clean stop
 * @param mode        {@code in_service}, {@code out_of_service} (with {@code reason}) or {@code service} (a technician
 *                    holds the service menu)
 * @param reason      why the kiosk is out of service (a reason code, or the office's text for a remote
 *                    {@code out_of_service}); null in service
 * @param devices     each device's state as its driver reports it
 * @param paper       {@code ok}, {@code near_end}, {@code out} or {@code unknown} (printer not answering)
 * @param cashBox     the notes in the cash box since the last encashment; null when the journal could not be read
 * @param outbox      payments waiting for the carrier; null when the journal could not be read
 * @param audit       the audit chain's head: row count and hash of the last row
 * @param anchors     the chain's hash at earlier row counts (each power of two up to the head, and the head this kiosk
 *                    published before), so the office can see a history rewritten under a count it has already seen
 * @param lastPaymentAt when the last payment was submitted; null when the journal has none
 * @param alarms      active alarm codes (cash box full, door open, answer mismatch, ...)
 * @param version     the kiosk software version
 * @param timestamp   when this state was read on the kiosk
 */
public record StateMessage(String kioskId, boolean online, String mode, String reason, List<Device> devices,
                           String paper, CashBox cashBox, Outbox outbox, AuditMark audit, List<AuditMark> anchors,
                           Instant lastPaymentAt, List<String> alarms, String version, Instant timestamp) {

    public static final String IN_SERVICE = "in_service";
    public static final String OUT_OF_SERVICE = "out_of_service";
    public static final String SERVICE = "service";
    public static final Set<String> MODES = Set.of(IN_SERVICE, OUT_OF_SERVICE, SERVICE);
    public static final Set<String> PAPER = Set.of("ok", "near_end", "out", "unknown");

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public StateMessage {
        if (!FleetTopics.validKioskId(kioskId)) {
            throw new IllegalArgumentException("state: bad kioskId '" + kioskId + "'");
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("state: mode is one of " + MODES + ", got '" + mode + "'");
        }
        if (!PAPER.contains(paper)) {
            throw new IllegalArgumentException("state: paper is one of " + PAPER + ", got '" + paper + "'");
        }
        Objects.requireNonNull(audit, "state: audit");
        Objects.requireNonNull(version, "state: version");
        Objects.requireNonNull(timestamp, "state: timestamp");
        devices = devices == null ? List.of() : List.copyOf(devices);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    /** The Last Will: this state with {@code online=false}. */
    public StateMessage offline() {
        return new StateMessage(kioskId, false, mode, reason, devices, paper, cashBox, outbox, audit, anchors,
                lastPaymentAt, alarms, version, timestamp);
    }

    /** One device: its name ("bill_acceptor", "printer", ...), state (the driver's health state) and detail. */
    public record Device(String name, String state, String detail) {
        public Device {
            Objects.requireNonNull(name, "device name");
            Objects.requireNonNull(state, "device state");
        }
    }

    /**
     * The cash box: notes, their amount in minor units, and how full it is in percent of its capacity (0 when the
     * capacity is not configured).
     */
    public record CashBox(int notes, long amountMinor, String currency, int fillPercent) {
        public CashBox {
            if (notes < 0 || amountMinor < 0 || fillPercent < 0) {
                throw new IllegalArgumentException("cash box counts are never negative");
            }
            Objects.requireNonNull(currency, "cash box currency");
        }
    }

    /** Payments waiting for the carrier, and the age of the oldest in seconds (0 when none). */
    public record Outbox(int pending, long oldestAgeSeconds) {
        public Outbox {
            if (pending < 0 || oldestAgeSeconds < 0) {
                throw new IllegalArgumentException("outbox counts are never negative");
            }
        }
    }

    /** The audit chain at a row count: the count and the hash of that row (64 hex; 64 zeros at count 0). */
    public record AuditMark(long count, String hash) {
        public AuditMark {
            if (count < 0) {
                throw new IllegalArgumentException("audit count is never negative");
            }
            if (hash == null || !HEX64.matcher(hash).matches()) {
                throw new IllegalArgumentException("audit hash is 64 lower-case hex digits, got '" + hash + "'");
            }
        }
    }
}
