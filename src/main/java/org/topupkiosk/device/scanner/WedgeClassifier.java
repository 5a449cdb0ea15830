package org.topupkiosk.device.scanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells a keyboard-wedge scanner from a person typing, from the characters alone and when each arrived. Pure: no
 * JavaFX, no clock of its own; {@link WedgeKeyFilter} feeds it key events and acts on its answers.
 *
 * <p>A scanner "types" a code at machine speed: a few milliseconds between keys (USB HID scanners send a key every
 * 1-10 ms), then its suffix (Enter, Tab, or nothing). A person's keys come 80-300 ms apart; even a fast typist's
 * rollover only rarely puts two keys within {@code maxKeyGapMs}, never six in a row. So characters are held while they
 * keep coming faster than the gap; the held run is a scan when it ends (with the suffix, or by falling quiet when the
 * scanner sends none) at least {@code minLength} long, after the prefix if one is configured; otherwise it is handed
 * back as typing, in order. A run of one repeated character is key auto-repeat, never a scan.
 *
 * <p>Answers refer to held characters by count from the oldest, so the filter can release exactly the key events that
 * made them.
 */
public final class WedgeClassifier {

    /** What to do with held characters. */
    public sealed interface Outcome permits Hold, Release, Scan, Drop {}

    /** Keep holding: a burst may be under way. */
    public record Hold() implements Outcome {}

    /** The oldest {@code count} held characters were typing: let them through, in order. */
    public record Release(int count) implements Outcome {}

    /** Every held character was a scan: swallow them; {@code text} is the code without prefix and suffix. */
    public record Scan(String text) implements Outcome {}

    /** The character just held is the tail of the previous scan's suffix (the LF of CR LF): swallow it alone. */
    public record Drop() implements Outcome {}

    /**
     * @param maxKeyGapMs longest pause between two keys of one scan
     * @param minLength   shortest code (without prefix and suffix) that counts as a scan
     * @param prefix      characters the scanner is set to send first ("" for none)
     * @param suffix      CR/LF (Enter), TAB, or NONE (the burst ends by falling quiet)
     */
    public record Settings(long maxKeyGapMs, int minLength, String prefix, ScanSuffix suffix) {
        public Settings {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(suffix, "suffix");
            if (maxKeyGapMs < 1 || maxKeyGapMs > 200) {
                throw new IllegalArgumentException("maxKeyGapMs " + maxKeyGapMs + " (expected 1..200)");
            }
            if (minLength < 1) {
                throw new IllegalArgumentException("minLength " + minLength + " (expected at least 1)");
            }
        }

        public static Settings defaults() {
            return new Settings(35, 6, "", ScanSuffix.CR);
        }
    }

    /** A burst longer than this is a stuck key or a paste, not a code we take. */
    static final int MAX_HELD = 1024;
    private static final Hold HOLD = new Hold();

    private final Settings settings;
    private final long gapNanos;
    private final StringBuilder held = new StringBuilder();
    private long lastNanos;
    private long lastScanNanos = Long.MIN_VALUE / 2;

    public WedgeClassifier(Settings settings) {
        this.settings = settings;
        this.gapNanos = settings.maxKeyGapMs() * 1_000_000L;
    }

    /** How many characters are held now. */
    public int heldCount() {
        return held.length();
    }

    /** When {@link #idle} should be called if no key comes first (meaningful only while holding). */
    public long quietAtNanos() {
        return lastNanos + gapNanos;
    }

    /** A typed character arrived at {@code nowNanos}. Outcomes apply in order. */
    public List<Outcome> key(char c, long nowNanos) {
        List<Outcome> out = new ArrayList<>(2);
        if (held.length() > 0 && nowNanos - lastNanos > gapNanos) {
            out.add(ended());
        }
        if (held.length() == 0 && isEnter(c) && nowNanos - lastScanNanos <= gapNanos) {
            lastScanNanos = Long.MIN_VALUE / 2;
            out.add(new Drop());
            return out;
        }
        lastNanos = nowNanos;
        held.append(c);
        if (held.length() == 1) {
            if (!canStart(c)) {
                out.add(releaseAll());
            } else {
                out.add(HOLD);
            }
            return out;
        }
        String prefix = settings.prefix();
        if (held.length() <= prefix.length() && prefix.charAt(held.length() - 1) != c) {
            out.add(releaseAll()); // not the configured prefix: a person
        } else if (isSuffix(c)) {
            String body = held.substring(prefix.length(), held.length() - 1);
            out.add(qualifies(body) ? scan(body) : releaseAll());
        } else if (isEnter(c) || c == '\t') {
            out.add(releaseAll()); // Enter or Tab where the scanner sends none: a person's, and what went before
        } else if (held.length() > MAX_HELD) {
            out.add(releaseAll());
        } else {
            out.add(HOLD);
        }
        return out;
    }

    /** Called when no key came for a while; ends a burst that went quiet. */
    public List<Outcome> idle(long nowNanos) {
        if (held.length() == 0 || nowNanos - lastNanos <= gapNanos) {
            return List.of();
        }
        return List.of(ended());
    }

    private Outcome ended() {
        String prefix = settings.prefix();
        if (settings.suffix() == ScanSuffix.NONE && held.length() > prefix.length()
                && held.substring(0, prefix.length()).equals(prefix)) {
            String body = held.substring(prefix.length());
            if (qualifies(body)) {
                return scan(body);
            }
        }
        return releaseAll();
    }

    private boolean canStart(char c) {
        if (!settings.prefix().isEmpty()) {
            return c == settings.prefix().charAt(0);
        }
        return c >= ' ' && c != 0x7F; // Enter, Tab, Backspace never start a code
    }

    private boolean isSuffix(char c) {
        ScanSuffix s = settings.suffix();
        if (s == ScanSuffix.TAB) {
            return c == '\t';
        }
        return s != ScanSuffix.NONE && isEnter(c);
    }

    private static boolean isEnter(char c) {
        return c == '\r' || c == '\n';
    }

    private boolean qualifies(String body) {
        if (body.length() < settings.minLength()) {
            return false;
        }
        char first = body.charAt(0);
        for (int i = 1; i < body.length(); i++) {
            if (body.charAt(i) != first) {
                return true;
            }
        }
        return body.length() == 1; // one character repeated: auto-repeat of a held key
    }

    private Release releaseAll() {
        Release r = new Release(held.length());
        held.setLength(0);
        return r;
    }

    private Scan scan(String body) {
        held.setLength(0);
        lastScanNanos = lastNanos;
        return new Scan(body);
    }
}
