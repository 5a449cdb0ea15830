package org.topupkiosk.app.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.event.KeyValuePair;

/**
 * One log event as one line of JSON, for log collectors: {@code time} (local, with its offset, to the millisecond,
 * as in the text files), {@code level}, {@code thread}, {@code logger}, {@code message}, then {@code kv} (the
 * {@code key=value} words of the message, the event's SLF4J key-value pairs and the MDC, when there are any) and
 * {@code exception} (the whole stack trace as one string, when there is one). Line breaks inside the message or the
 * stack trace are escaped by JSON, so an event is always exactly one line.
 */
public final class JsonLine {

    /** The time of text and JSON lines alike: kioskctl logs parses it back with {@link java.time.OffsetDateTime}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** A {@code key=value} word of a message: the code writes its facts that way (txn=..., screen=...). */
    private static final Pattern KEY_VALUE = Pattern.compile("(?<![\\w.=])([A-Za-z][\\w.]*)=(\\S+)");

    private static final JsonFactory JSON = new JsonFactory();

    private JsonLine() {}

    /** The event as UTF-8 JSON and a line feed. */
    public static byte[] of(ILoggingEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(ZoneId.systemDefault())));
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("logger", event.getLoggerName());
            String message = event.getFormattedMessage();
            g.writeStringField("message", message);
            Map<String, String> kv = keyValues(message, event.getKeyValuePairs(), event.getMDCPropertyMap());
            if (!kv.isEmpty()) {
                g.writeObjectFieldStart("kv");
                for (Map.Entry<String, String> e : kv.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                g.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail; Jackson declares it all the same
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /**
     * The message's {@code key=value} words (a value loses a trailing {@code , ; : )}), then the event's key-value
     * pairs and the MDC; a later one of the same key wins.
     */
    static Map<String, String> keyValues(String message, List<KeyValuePair> pairs, Map<String, String> mdc) {
        Map<String, String> out = new LinkedHashMap<>();
        if (message != null) {
            Matcher m = KEY_VALUE.matcher(message);
            while (m.find()) {
                String value = m.group(2).replaceAll("[,;:)]+$", "");
                if (!value.isEmpty()) {
                    out.put(m.group(1), value);
                }
            }
        }
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                out.put(p.key, String.valueOf(p.value));
            }
        }
        if (mdc != null) {
            out.putAll(mdc);
        }
        return out;
    }
}
