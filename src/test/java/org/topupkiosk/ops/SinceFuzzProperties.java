package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.topupkiosk.app.log.JsonLine;
import org.topupkiosk.testing.Fuzz;

/**
 * The {@code --since} of {@code kioskctl logs}: whatever is typed, a time or an IllegalArgumentException that names
 * the option and the accepted forms; spans count back exactly; the times the log lines write read back to the same
 * instant; local times take the machine's zone.
 */
class SinceFuzzProperties {

    static final Instant NOW = Instant.parse("2026-12-07T10:15:30.250Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final String ALPHABET = "0123456789smhdwT:-+Z. yx";
    static final String UNITS = "smhdw";

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> valid = Arbitraries.of("90s", "30m", "1h", "2d", "1w", "1h30m", "2026-12-07", "2026-12-07T10:00",
                "2026-12-07 10:00:30", "2026-12-07T10:00:00+03:00", "2026-12-07T07:00:00Z", "2026-12-07T10:00:00.123+03:00",
                "999999999w", "0s");
        return Fuzz.textAround(valid, ALPHABET, 40);
    }

    @Property
    void anyTextIsATimeOrAnErrorNamingTheOption(@ForAll("typed") String text) {
        try {
            Instant at = Since.parse(text, NOW, ZONE);
            assertThat(at).isNotNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("--since \"" + text + "\": ").contains("give a span back from now");
        }
    }

    @Property
    void spansCountBackExactly(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1000) Integer> counts,
                               @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 0, max = 4) Integer> units) {
        StringBuilder text = new StringBuilder();
        Duration total = Duration.ZERO;
        for (int i = 0; i < counts.size(); i++) {
            char unit = UNITS.charAt(units.get(i));
            text.append(counts.get(i)).append(unit);
            total = total.plus(switch (unit) {
                case 's' -> Duration.ofSeconds(counts.get(i));
                case 'm' -> Duration.ofMinutes(counts.get(i));
                case 'h' -> Duration.ofHours(counts.get(i));
                case 'd' -> Duration.ofDays(counts.get(i));
                default -> Duration.ofDays(7L * counts.get(i));
            });
        }
        assertThat(Since.parse(text.toString(), NOW, ZONE)).isEqualTo(NOW.minus(total));
    }

    @Provide
    Arbitrary<OffsetDateTime> written() {
        Arbitrary<Long> millis = Arbitraries.longs().between(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
        Arbitrary<Integer> quarters = Arbitraries.integers().between(-12 * 4, 14 * 4);
        return Combinators.combine(millis, quarters).as((m, q) ->
                Instant.ofEpochMilli(m).atOffset(ZoneOffset.ofTotalSeconds(q * 15 * 60)));
    }

    /** A time copied from a log line (text or JSON), or in ISO with seconds only, reads back to its instant. */
    @Property
    void timesAsTheLogsWriteThemReadBack(@ForAll("written") OffsetDateTime t) {
        assertThat(Since.parse(JsonLine.TIME.format(t), NOW, ZONE)).isEqualTo(t.toInstant());
        OffsetDateTime seconds = t.withNano(0);
        assertThat(Since.parse(seconds.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), NOW, ZONE))
                .isEqualTo(seconds.toInstant());
    }

    @Property
    void localTimesAndDaysTakeTheMachinesZone(@ForAll @LongRange(min = 946684800L, max = 4102444800L) long epochSecond,
                                              @ForAll("zones") ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        String minutes = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        assertThat(Since.parse(minutes, NOW, zone)).isEqualTo(local.withSecond(0).atZone(zone).toInstant());
        String spaced = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(Since.parse(spaced, NOW, zone)).isEqualTo(local.atZone(zone).toInstant());
        assertThat(Since.parse(local.toLocalDate().toString(), NOW, zone))
                .isEqualTo(local.toLocalDate().atStartOfDay(zone).toInstant());
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("UTC"), ZONE, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
                ZoneId.of("Asia/Kolkata"));
    }
}
