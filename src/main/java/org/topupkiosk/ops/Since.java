package org.topupkiosk.ops;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --since} of {@code kioskctl logs}: a span back from now ({@code 90s}, {@code 30m}, {@code 1h},
 * {@code 2d}, {@code 1w}, or several: {@code 1h30m}), or a time: {@code 2026-12-07} (midnight), {@code 2026-12-07T10:00}
 * or {@code 2026-12-07 10:00:30} (the machine's time zone), {@code 2026-12-07T10:00:00Z} or with an offset
 * ({@code +03:00}), as the log lines write it. Anything else is an {@link IllegalArgumentException} naming the option
 * and the forms.
 */
final class Since {

    static final String FORMS = "a span back from now (90s, 30m, 1h, 2d, 1w, 1h30m) or a time (2026-12-07, "
            + "2026-12-07T10:00, 2026-12-07 10:00:30, 2026-12-07T10:00:00+03:00, 2026-12-07T07:00:00Z)";

    private static final Pattern SPAN = Pattern.compile("(?:\\d{1,9}[smhdw])+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhdw])");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A span of more than this is a typing mistake, not a question about logs. */
    static final Duration LONGEST = Duration.ofDays(100 * 366);

    private Since() {}

    static Instant parse(String text, Instant now, ZoneId zone) {
        String s = text == null ? "" : text.strip();
        try {
            if (SPAN.matcher(s).matches()) {
                return now.minus(span(text, s));
            }
            if (DATE.matcher(s).matches()) {
                return LocalDate.parse(s).atStartOfDay(zone).toInstant();
            }
            if (DATE_TIME.matcher(s).matches()) {
                return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant();
            }
            if (s.length() > 10 && DATE.matcher(s.substring(0, 10)).matches()) {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since \"" + text + "\": not a valid time ("
                    + e.getMessage().replaceFirst("^Text '.*' could not be parsed: ", "") + "); give " + FORMS, e);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("--since \"" + text + "\": out of range; give " + FORMS, e);
        }
        throw new IllegalArgumentException("--since \"" + text + "\": not understood; give " + FORMS);
    }

    private static Duration span(String text, String s) {
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            Duration unit = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            total = total.plus(unit.multipliedBy(n));
            if (total.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("--since \"" + text + "\": more than 100 years back; give " + FORMS);
            }
        }
        return total;
    }
}
