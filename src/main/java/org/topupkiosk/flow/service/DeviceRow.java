package org.topupkiosk.flow.service;

/** One device's health as the service menu shows it. */
public record DeviceRow(String device, State state, String detail) {

    public enum State { OK, DEGRADED, FAILED, OFFLINE }

    /** Whether the device can serve customers (perhaps degraded). */
    public boolean usable() {
        return state == State.OK || state == State.DEGRADED;
    }
}
