package org.topupkiosk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The machine's clock until a test fixes it at a moment and zone (dated promotions, expiries). */
public final class SettableClock extends Clock {

    private volatile Clock clock = Clock.systemDefaultZone();

    public void set(Instant instant, ZoneId zone) {
        clock = Clock.fixed(instant, zone);
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }
}
