package org.topupkiosk.device.cash.ccnet;

import java.util.Map;

/**
 * The first byte of a CCNET POLL reply (CCNET description, "POLL" response table). Some states carry a second byte:
 * the bill type for escrow, stacked and returned, the reason for rejecting, the code for a failure.
 */
public enum CcnetState {
    POWER_UP(0x10),
    POWER_UP_BILL_IN_VALIDATOR(0x11),
    POWER_UP_BILL_IN_STACKER(0x12),
    INITIALIZE(0x13),
    IDLING(0x14),
    ACCEPTING(0x15),
    STACKING(0x17),
    RETURNING(0x18),
    UNIT_DISABLED(0x19),
    HOLDING(0x1A),
    DEVICE_BUSY(0x1B),
    REJECTING(0x1C),
    CASSETTE_FULL(0x41),
    CASSETTE_OUT(0x42),
    VALIDATOR_JAMMED(0x43),
    CASSETTE_JAMMED(0x44),
    CHEATED(0x45),
    PAUSE(0x46),
    FAILURE(0x47),
    ESCROW(0x80),
    STACKED(0x81),
    RETURNED(0x82),
    UNKNOWN(-1);

    public final int code;

    CcnetState(int code) {
        this.code = code;
    }

    public static CcnetState of(int code) {
        for (CcnetState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** The validator cannot take notes until a technician acts: the flow shows out-of-service. */
    public boolean outOfService() {
        return this == CASSETTE_FULL || this == CASSETTE_OUT || this == VALIDATOR_JAMMED || this == CASSETTE_JAMMED
                || this == FAILURE;
    }

    public boolean powerUp() {
        return this == POWER_UP || this == POWER_UP_BILL_IN_VALIDATOR || this == POWER_UP_BILL_IN_STACKER;
    }

    /** Second byte of REJECTING (CCNET "rejecting" sub-codes). */
    public static final Map<Integer, String> REJECT_REASONS = Map.ofEntries(
            Map.entry(0x60, "insertion"), Map.entry(0x61, "magnetic"), Map.entry(0x62, "remained-in-head"),
            Map.entry(0x63, "multiplying"), Map.entry(0x64, "conveying"), Map.entry(0x65, "identification"),
            Map.entry(0x66, "verification"), Map.entry(0x67, "optic"), Map.entry(0x68, "inhibit"),
            Map.entry(0x69, "capacity"), Map.entry(0x6A, "operation"), Map.entry(0x6C, "length"),
            Map.entry(0x6D, "uv"), Map.entry(0x92, "barcode-unrecognized"), Map.entry(0x93, "barcode-length"),
            Map.entry(0x94, "barcode-start"), Map.entry(0x95, "barcode-stop"));

    /** Second byte of FAILURE (CCNET "generic failure" sub-codes). */
    public static final Map<Integer, String> FAILURE_CODES = Map.of(
            0x50, "stack-motor", 0x51, "transport-motor-speed", 0x52, "transport-motor", 0x53, "aligning-motor",
            0x54, "initial-cassette-status", 0x55, "optic-canal", 0x56, "magnetic-canal", 0x5F, "capacitance-canal");

    public static String rejectReason(int code) {
        return REJECT_REASONS.getOrDefault(code, String.format("reject-0x%02x", code));
    }

    public static String failureCode(int code) {
        return FAILURE_CODES.getOrDefault(code, String.format("failure-0x%02x", code));
    }
}
