package org.topupkiosk.device;

/** What {@code checkHealth()} reports: a state and a short text for the service screen and logs. */
public record DeviceHealth(String device, State state, String detail) {

    public enum State { OK, DEGRADED, FAILED, OFFLINE }

    public boolean usable() {
        return state == State.OK || state == State.DEGRADED;
    }
}
