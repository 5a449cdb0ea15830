package org.topupkiosk.flow.fiscalshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whenever a shift opens and whatever the quiet hour, it is due within its 24 hours, at the quiet hour or at 23 h. */
class ShiftPlanProperties {

    @Property(tries = 2000)
    void aShiftIsDueAtTheQuietHourOrAt23HoursNeverLater(@ForAll @IntRange(min = 0, max = 23) int quietHour,
            @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long openedEpoch,
            @ForAll("zones") String zone) {
        ShiftPlan plan = new ShiftPlan(quietHour, ZoneId.of(zone));
        Instant opened = Instant.ofEpochSecond(openedEpoch);
        Instant due = plan.closeFrom(opened);
        Duration age = Duration.between(opened, due);
        assertThat(age).isBetween(ShiftPlan.MIN_AGE_AT_QUIET_HOUR, ShiftPlan.MAX_SHIFT);
        boolean atQuietHour = due.atZone(plan.zone()).getHour() == quietHour
                && due.atZone(plan.zone()).getMinute() == 0 && due.atZone(plan.zone()).getSecond() == 0;
        assertThat(atQuietHour || age.equals(ShiftPlan.CLOSE_FROM_AGE)).isTrue();
        assertThat(age).isLessThanOrEqualTo(ShiftPlan.QUIET_HOUR_WITHIN);
        Instant quietEnds = plan.nextQuietHour(due).plus(Duration.ofHours(1));
        assertThat(plan.closeFrom(quietEnds)).as("a shift opened as the quiet hour ends is due at the next one")
                .isEqualTo(plan.nextQuietHour(quietEnds));
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad", "UTC");
    }
}
