package org.topupkiosk.app.log;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encoder of every kiosk log appender (src/main/resources/logback.xml): {@code format} text writes the
 * {@code pattern} (by default {@link #FILE_PATTERN}, whose first two words are the full time with its offset and the
 * level: {@code kioskctl logs} reads them), json writes one {@link JsonLine} object per line for log collectors. The
 * format comes from {@code -Dkiosk.log.format}; an unknown value is a configuration error naming the property, and the
 * appender writes text meanwhile, so no line is lost to a typing mistake.
 */
public final class KioskLogEncoder extends EncoderBase<ILoggingEvent> {

    /** The system property that picks the format of the log files. */
    public static final String FORMAT_PROPERTY = "kiosk.log.format";

    /** The text line of the log files: the full time with its offset first, so a line alone says when it happened. */
    public static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger %msg%n";

    private String format = "text";
    private String pattern = FILE_PATTERN;
    private PatternLayout layout;
    private boolean json;

    /** {@code text} or {@code json}, any case, blanks around ignored. */
    public void setFormat(String format) {
        this.format = format;
    }

    public String getFormat() {
        return format;
    }

    /** The text format's logback pattern (ignored for json). */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** True once started in the json format. */
    public boolean isJson() {
        return json;
    }

    @Override
    public void start() {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        json = f.equals("json");
        if (!json && !f.equals("text")) {
            addError(FORMAT_PROPERTY + ": \"" + format + "\" is neither text nor json; this appender writes text");
        }
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        super.start();
    }

    @Override
    public void stop() {
        if (layout != null) {
            layout.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (json) {
            return JsonLine.of(event);
        }
        return layout.doLayout(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
