package org.topupkiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The machine's clock until a test fixes it at a moment and zone (dated promotions, expiries). */
public final class SettableClock extends Clock {

    private volatile Clock clock = Clock.systemDefaultZone();

    /** A clock standing at {@code instant} in UTC until the test moves it. */
    public static SettableClock at(Instant instant) {
        SettableClock c = new SettableClock();
        c.set(instant, ZoneOffset.UTC);
        return c;
    }

    public void set(Instant instant, ZoneId zone) {
        clock = Clock.fixed(instant, zone);
    }

    /** Moves a fixed clock on by {@code d} (a running one is fixed at its current instant first). */
    public void advance(Duration d) {
        clock = Clock.fixed(clock.instant().plus(d), clock.getZone());
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
