package org.topupkiosk.device.cash.id003;

import java.util.Locale;
import java.util.Map;

/**
 * The acceptor's answer to STATUS REQUEST (JCM ID-003, "status" table). ESCROW carries the denomination code,
 * REJECTING a reason, FAILURE a code. VEND VALID is the credit moment: the host ACKs it (0x50) and the acceptor then
 * reports STACKED.
 */
public enum Id003State {
    IDLING(0x11),
    ACCEPTING(0x12),
    ESCROW(0x13),
    STACKING(0x14),
    VEND_VALID(0x15),
    STACKED(0x16),
    REJECTING(0x17),
    RETURNING(0x18),
    HOLDING(0x19),
    DISABLED(0x1A),
    INITIALIZE(0x1B),
    POWER_UP(0x40),
    POWER_UP_BILL_IN_ACCEPTOR(0x41),
    POWER_UP_BILL_IN_STACKER(0x42),
    STACKER_FULL(0x43),
    STACKER_OPEN(0x44),
    JAM_IN_ACCEPTOR(0x45),
    JAM_IN_STACKER(0x46),
    PAUSE(0x47),
    CHEATED(0x48),
    FAILURE(0x49),
    COMMUNICATION_ERROR(0x4A),
    INVALID_COMMAND(0x4B),
    UNKNOWN(-1);

    public final int code;

    Id003State(int code) {
        this.code = code;
    }

    public static Id003State of(int code) {
        for (Id003State s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN;
    }

    public boolean outOfService() {
        return this == STACKER_FULL || this == STACKER_OPEN || this == JAM_IN_ACCEPTOR || this == JAM_IN_STACKER
                || this == FAILURE;
    }

    /** The fault code the flow sees, in the same words as CCNET's so the service screen reads alike. */
    public String faultCode() {
        return switch (this) {
            case STACKER_FULL -> "cassette-full";
            case STACKER_OPEN -> "cassette-removed";
            case JAM_IN_ACCEPTOR -> "jam";
            case JAM_IN_STACKER -> "cassette-jam";
            case FAILURE -> "failure";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Second byte of REJECTING (ID-003 "reject data"). */
    public static final Map<Integer, String> REJECT_REASONS = Map.ofEntries(
            Map.entry(0x71, "insertion"), Map.entry(0x72, "magnetic"), Map.entry(0x73, "remained-in-head"),
            Map.entry(0x74, "compensation"), Map.entry(0x75, "conveying"), Map.entry(0x76, "identification"),
            Map.entry(0x77, "photo-pattern"), Map.entry(0x78, "photo-level"), Map.entry(0x79, "inhibit"),
            Map.entry(0x7B, "operation"), Map.entry(0x7C, "remained-in-stacker"), Map.entry(0x7D, "length"),
            Map.entry(0x7E, "photo-pattern-2"), Map.entry(0x7F, "true-bill-feature"));

    public static String rejectReason(int code) {
        return REJECT_REASONS.getOrDefault(code, String.format("reject-0x%02x", code));
    }
}
