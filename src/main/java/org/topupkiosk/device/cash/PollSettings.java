package org.topupkiosk.device.cash;

import java.time.Duration;

/**
 * Timing of a polled bill acceptor driver (CCNET and ID003 poll the same way). Open CCNET implementations poll every
 * 200-220 ms while accepting (DESIGN.md, reference facts); while disabled a poll a second is enough to notice faults and the cash box. The device must answer within
 * 10 ms by the book; 200 ms leaves room for USB adapters, ptys and a busy kiosk.
 */
public record PollSettings(Duration pollWhileEnabled, Duration pollWhileDisabled, Duration responseTimeout,
                           int retries) {

    public static final PollSettings DEFAULTS = new PollSettings(Duration.ofMillis(200), Duration.ofMillis(1000),
            Duration.ofMillis(200), 3);

    public PollSettings {
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries " + retries + " outside 0..10");
        }
        if (responseTimeout.toMillis() < 10) {
            throw new IllegalArgumentException("responseTimeout " + responseTimeout + " is below 10 ms");
        }
    }
}
