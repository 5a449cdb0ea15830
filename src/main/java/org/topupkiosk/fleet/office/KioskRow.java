package org.topupkiosk.fleet.office;

import java.time.Instant;
import java.util.List;
import org.topupkiosk.fleet.StateMessage;

/**
 * One kiosk's line on the office's board, as the page shows it (a snapshot; JSON through the fleet's mapper).
 *
 * @param status     {@code online}, {@code offline} (its Last Will or goodbye), {@code silent} (no state for three
 *                   state intervals) or {@code unknown} (events seen, no state yet)
 * @param mode       the kiosk's mode from its last state; null before the first state
 * @param devicesOk  how many of {@code devices} report {@code ok}
 * @param lastPayment the last payment event seen (null when none reached the office)
 * @param lastPaymentAt the last payment the kiosk's journal holds (from its state)
 * @param alarms     the kiosk's own active alarm codes
 * @param auditAlarm the office's audit-chain alarm until an operator acknowledges it; null when none
 * @param auditHead  the head row count of the last state (-1 before the first)
 */
public record KioskRow(String kioskId, String status, String mode, String reason, List<StateMessage.Device> devices,
                       int devicesOk, String paper, StateMessage.CashBox cashBox, StateMessage.Outbox outbox,
                       LastPayment lastPayment, Instant lastPaymentAt, List<String> alarms, AuditAlarm auditAlarm,
                       long auditHead, String version, Instant stateAt, Instant lastSeen, int badMessages,
                       int pendingCommands) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String SILENT = "silent";
    public static final String UNKNOWN = "unknown";

    /** A payment event: when, how much (minor units), and how it ended. */
    public record LastPayment(Instant at, String txnId, long amountMinor, String currency, String outcome) {
    }

    /**
     * The audit chain did not only grow: when the office first saw it, what it saw, and how many more states were
     * inconsistent since.
     */
    public record AuditAlarm(Instant raisedAt, String problem, int repeats) {
    }
}
