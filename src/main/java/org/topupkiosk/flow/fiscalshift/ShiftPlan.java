package org.topupkiosk.flow.fiscalshift;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a fiscal shift is to be closed and opened. The day's Z report comes at the configured quiet hour; the next shift
 * opens when the quiet hour ends, or before a sale if a customer comes during it, so the next day's quiet hour falls
 * well inside its 24 hours. The quiet hour counts once the shift is {@link #MIN_AGE_AT_QUIET_HOUR} old and only when
 * it comes within {@link #QUIET_HOUR_WITHIN} of the opening; otherwise (a shift opened during the quiet hour by a
 * customer, or just before it by a fault or a service-menu Z report) the shift is due at {@link #CLOSE_FROM_AGE} and
 * closed at the first moment no customer is paying: an hour's margin for a busy kiosk and a register clock that runs
 * ahead. The next shift then meets the quiet hour again. Pure: the times are given.
 *
 * @param quietHour local hour (0-23) of the day's Z report
 * @param zone      the kiosk's time zone (the register keeps local time)
 */
public record ShiftPlan(int quietHour, ZoneId zone) {

    /** The law's limit: a shift may not last longer. */
    public static final Duration MAX_SHIFT = Duration.ofHours(24);
    /** A shift whose next quiet hour comes after its 24 hours is closed from this age on, at the first quiet moment. */
    public static final Duration CLOSE_FROM_AGE = Duration.ofHours(23);
    /** A shift younger than this is not closed at the quiet hour. */
    public static final Duration MIN_AGE_AT_QUIET_HOUR = Duration.ofMinutes(30);
    /** The quiet hour is kept when it comes at most this long after the opening. */
    public static final Duration QUIET_HOUR_WITHIN = Duration.ofHours(23).plusMinutes(30);
    /** Before a sale a shift this close to its limit is closed first: the register would refuse the receipt. */
    public static final Duration EXPIRED_AT_AGE = MAX_SHIFT.minusMinutes(5);

    public ShiftPlan {
        if (quietHour < 0 || quietHour > 23) {
            throw new IllegalArgumentException("quiet hour " + quietHour + " is not 0-23");
        }
    }

    /** The moment from which a shift opened at {@code openedAt} is to be closed. */
    public Instant closeFrom(Instant openedAt) {
        Instant quiet = nextQuietHour(openedAt.plus(MIN_AGE_AT_QUIET_HOUR));
        return quiet.isAfter(openedAt.plus(QUIET_HOUR_WITHIN)) ? openedAt.plus(CLOSE_FROM_AGE) : quiet;
    }

    /** The first start of the quiet hour at or after {@code t}, in the kiosk's zone. */
    public Instant nextQuietHour(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(LocalTime.of(quietHour, 0)).atZone(zone);
        if (candidate.toInstant().isBefore(t)) {
            candidate = local.toLocalDate().plusDays(1).atTime(LocalTime.of(quietHour, 0)).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** Whether {@code now} is within the quiet hour, when a closed shift stays closed until a sale needs one. */
    public boolean inQuietHour(Instant now) {
        return now.atZone(zone).getHour() == quietHour;
    }

    /** Whether a shift opened at {@code openedAt} is too old to register a sale in at {@code now}. */
    public boolean expired(Instant openedAt, Instant now) {
        return Duration.between(openedAt, now).compareTo(EXPIRED_AT_AGE) >= 0;
    }
}
