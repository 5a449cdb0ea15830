package org.topupkiosk.device.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.domain.Symbology;

/**
 * Turns the bytes of a serial scanner into codes: pure, no I/O, fed with what each read returned and told when the
 * line went quiet. Tolerant of a dirty line: control bytes other than the suffix are dropped (a scanner waking up, a
 * stray XON), a code longer than {@code maxLength} is thrown away up to the next suffix, and with a suffix configured
 * a fragment that never got its suffix (power glitch, cable pulled mid-code) is dropped after the idle gap instead of
 * being glued to the next code. Text is UTF-8 (scanners send ASCII; Cyrillic QR payloads arrive as UTF-8).
 */
public final class LineAssembler {

    /** A code from the line, with the AIM identifier (if any) read and removed. */
    public record Line(String text, Symbology symbology) {}

    private final ScanSuffix suffix;
    private final long idleGapNanos;
    private final int maxLength;
    private final boolean aimIds;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean overflowing;
    private long lastByteNanos;
    private long discarded;

    public LineAssembler(ScanSuffix suffix, long idleGapMs, int maxLength, boolean aimIds) {
        if (idleGapMs <= 0 || maxLength <= 0) {
            throw new IllegalArgumentException("idleGapMs and maxLength must be positive");
        }
        this.suffix = suffix;
        this.idleGapNanos = idleGapMs * 1_000_000L;
        this.maxLength = maxLength;
        this.aimIds = aimIds;
    }

    /** The codes completed by these bytes, in order. */
    public List<Line> feed(byte[] bytes, int length, long nowNanos) {
        List<Line> out = new ArrayList<>(1);
        if (length > 0) {
            Optional<Line> stale = idle(nowNanos); // a gap before these bytes ends (or drops) what came before
            stale.ifPresent(out::add);
        }
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (suffix.ends(b)) {
                if (!overflowing) {
                    complete().ifPresent(out::add);
                } else {
                    discarded++;
                }
                buffer.reset();
                overflowing = false;
            } else if (b < 0x20 || b == 0x7F) {
                // noise: control bytes never belong in a code we take
            } else if (!overflowing) {
                if (buffer.size() >= maxLength) {
                    overflowing = true;
                    buffer.reset();
                } else {
                    buffer.write(b);
                }
            }
        }
        if (length > 0) {
            lastByteNanos = nowNanos;
        }
        return out;
    }

    /**
     * Called when a read came back empty. After the idle gap, a buffered code is complete (suffix NONE) or a fragment
     * to drop (any other suffix).
     */
    public Optional<Line> idle(long nowNanos) {
        if ((buffer.size() == 0 && !overflowing) || nowNanos - lastByteNanos < idleGapNanos) {
            return Optional.empty();
        }
        Optional<Line> line = Optional.empty();
        if (suffix == ScanSuffix.NONE && !overflowing) {
            line = complete();
        } else {
            discarded++;
        }
        buffer.reset();
        overflowing = false;
        return line;
    }

    /** Fragments and over-long codes thrown away so far. */
    public long discarded() {
        return discarded;
    }

    private Optional<Line> complete() {
        if (buffer.size() == 0) {
            return Optional.empty(); // the LF of a CRLF, or a bare suffix
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        Symbology sym = Symbology.UNKNOWN;
        if (aimIds) {
            Optional<Symbology> aim = Symbology.fromAimPrefix(text);
            if (aim.isPresent()) {
                sym = aim.get();
                text = text.substring(3);
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(new Line(text, sym));
    }
}
