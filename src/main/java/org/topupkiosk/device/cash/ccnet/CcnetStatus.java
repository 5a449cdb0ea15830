package org.topupkiosk.device.cash.ccnet;

/**
 * A decoded POLL reply: the state and its second byte ({@code -1} when the state has none or the reply was short).
 */
public record CcnetStatus(CcnetState state, int data) {

    public static CcnetStatus parse(byte[] payload) {
        CcnetState s = CcnetState.of(payload[0] & 0xFF);
        return new CcnetStatus(s, payload.length > 1 ? payload[1] & 0xFF : -1);
    }

    public static CcnetStatus of(CcnetState state) {
        return new CcnetStatus(state, -1);
    }

    @Override
    public String toString() {
        return data < 0 ? state.name() : state.name() + "(" + String.format("0x%02x", data) + ")";
    }
}
