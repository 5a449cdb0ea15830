package org.topupkiosk.device.emulator.sim;

/**
 * How a virtual card misbehaves, for tests and the device panel.
 *
 * @param mute            the card takes commands and never answers them
 * @param pullAfterApdus  the card leaves the reader when this many commands have been answered (pulled mid-read);
 *                        negative for never
 */
public record VirtualSimFaults(boolean mute, int pullAfterApdus) {

    public static final VirtualSimFaults NONE = new VirtualSimFaults(false, -1);

    public static VirtualSimFaults muted() {
        return new VirtualSimFaults(true, -1);
    }

    public static VirtualSimFaults pulledAfter(int apdus) {
        if (apdus < 0) {
            throw new IllegalArgumentException("apdus must be >= 0, got " + apdus);
        }
        return new VirtualSimFaults(false, apdus);
    }
}
