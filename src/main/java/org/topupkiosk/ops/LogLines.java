package org.topupkiosk.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kiosk log lines to print. A line that starts an event carries its time and level: a text line begins
 * {@code 2026-12-07T10:00:00.123+03:00 WARN } (KioskLogEncoder.FILE_PATTERN), a JSON line is an object with
 * {@code time} and {@code level}. Any other line (a stack trace, the rest of a message of several lines) belongs to the
 * event above it, across files too, and is printed or not with it. Lines before the first event are left out when a
 * time is asked for (their time is unknown) and counted.
 */
final class LogLines {

    static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})) +(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*",
            Pattern.DOTALL);
    private static final JsonFactory JSON = new JsonFactory();

    private final Instant since;
    private final int minLevel;
    private final Consumer<String> out;
    private boolean printing;
    private boolean seenEvent;
    private long unstamped;

    /** {@code since} null for all times; {@code minLevel} an index into {@link #LEVELS}. */
    LogLines(Instant since, int minLevel, Consumer<String> out) {
        this.since = since;
        this.minLevel = minLevel;
        this.out = out;
        this.printing = since == null && minLevel == 0;
    }

    /** The index of {@code level} in {@link #LEVELS}, any case; an IllegalArgumentException naming --level. */
    static int level(String level) {
        int i = level == null ? -1 : LEVELS.indexOf(level.strip().toUpperCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException("--level \"" + level + "\": give one of " + String.join(", ", LEVELS));
        }
        return i;
    }

    /** Takes the next line of the logs, oldest first; prints it when its event is in range. */
    void accept(String line) {
        Stamp s = stamp(line);
        if (s != null) {
            seenEvent = true;
            printing = (since == null || !s.time().isBefore(since)) && s.level() >= minLevel;
        } else if (!seenEvent && (since != null || minLevel > 0)) {
            unstamped++;
        }
        if (printing) {
            out.accept(line);
        }
    }

    /** Lines met before any event (their time unknown). */
    long unstamped() {
        return unstamped;
    }

    record Stamp(Instant time, int level) {}

    /** The time and level of a line that starts an event, else null. */
    static Stamp stamp(String line) {
        if (line.startsWith("{")) {
            return jsonStamp(line);
        }
        Matcher m = TEXT.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Stamp(OffsetDateTime.parse(m.group(1)).toInstant(), LEVELS.indexOf(m.group(2)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Stamp jsonStamp(String line) {
        String time = null;
        String level = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (time == null || level == null)) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("time")) {
                    time = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals("level")) {
                    level = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            int l = level == null ? -1 : LEVELS.indexOf(level);
            return time == null || l < 0 ? null : new Stamp(OffsetDateTime.parse(time).toInstant(), l);
        } catch (IOException | DateTimeParseException e) {
            return null; // a JSON line cut short, or not ours: it goes with the event above
        }
    }
}
